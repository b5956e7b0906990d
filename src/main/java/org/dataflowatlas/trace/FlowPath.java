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

    public int length() {
        return flowIds.size();
    }

    public String lastOrganizationId() {
        return organizationIds.getLast();
    }
}
