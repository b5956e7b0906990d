package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/**
 * A chain of flows: {@code organizationIds} has one more entry than {@code flowIds}; flow i goes
 * between organizations i and i+1 (in the direction the trace walked).
 */
public record FlowPath(
        List<String> organizationIds,
        List<String> flowIds,
        @Nullable List<Organization> organizations,
        @Nullable List<DataFlow> flows) {

    /** A path known by ids only; its organizations and flows are loaded when asked for. */
    public FlowPath(List<String> organizationIds, List<String> flowIds) {
        this(organizationIds, flowIds, null, null);
    }

    /** A path that came with its organizations and flows (one statement answers the whole trace). */
    public static FlowPath resolved(List<Organization> organizations, List<DataFlow> flows) {
        return new FlowPath(
                organizations.stream().map(Organization::id).toList(),
                flows.stream().map(DataFlow::id).toList(),
                organizations,
                flows);
    }

    // A path is its ids. The records' own equals and hashCode would walk every organization and flow
    // (and a Reach every path): GraphQL batch mappings key maps by these objects, and that deep
    // hashing was a tenth of a trace request's time in a JFR profile.
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowPath path
                && flowIds.equals(path.flowIds)
                && organizationIds.equals(path.organizationIds);
    }

    @Override
    public int hashCode() {
        return 31 * organizationIds.hashCode() + flowIds.hashCode();
    }

    public int length() {
        return flowIds.size();
    }

    public String lastOrganizationId() {
        return organizationIds.getLast();
    }
}
