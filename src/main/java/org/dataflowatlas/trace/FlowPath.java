package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.List;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.organization.Organization;
import org.neo4j.driver.Value;

/**
 * A chain of flows: {@code organizations} has one more entry than {@code flows}; flow i goes
 * between organizations i and i+1 (in the direction the trace walked). Every statement that finds
 * paths returns their nodes, so a path is complete when it is made and its GraphQL fields are plain
 * properties: no further statement, and no DataLoader round, serves them.
 */
public record FlowPath(List<Organization> organizations, List<DataFlow> flows) {

    public FlowPath {
        if (organizations.size() != flows.size() + 1) {
            throw new IllegalArgumentException("a path of " + flows.size() + " flows needs " + (flows.size() + 1)
                    + " organizations, got " + organizations.size());
        }
        organizations = List.copyOf(organizations);
        flows = List.copyOf(flows);
    }

    /**
     * A path from a statement's lists of organization and flow nodes, in walking order. Walking
     * upstream, flow i runs from organization i+1 to organization i.
     */
    public static FlowPath of(Value organizationNodes, Value flowNodes, boolean downstream) {
        var organizations = organizationNodes.asList(value -> Organization.of(value.asNode()));
        var flows = new ArrayList<DataFlow>(organizations.size());
        int i = 0;
        for (var node : flowNodes.values()) {
            var near = organizations.get(i);
            var far = organizations.get(++i);
            flows.add(DataFlow.of(node.asNode(), downstream ? near : far, downstream ? far : near));
        }
        return new FlowPath(organizations, flows);
    }

    /** Number of flows (hops). */
    public int length() {
        return flows.size();
    }

    public List<String> organizationIds() {
        return organizations.stream().map(Organization::id).toList();
    }

    public List<String> flowIds() {
        return flows.stream().map(DataFlow::id).toList();
    }

    public Organization last() {
        return organizations.getLast();
    }

    // A path is its ids. The record's own equals and hashCode would compare every property of every
    // organization and flow; deep hashing of trace results was a tenth of a request's time in JFR.
    @Override
    public boolean equals(Object other) {
        return other instanceof FlowPath path
                && flowIds().equals(path.flowIds())
                && organizations
                        .getFirst()
                        .id()
                        .equals(path.organizations.getFirst().id());
    }

    @Override
    public int hashCode() {
        return 31 * organizations.getFirst().id().hashCode() + flowIds().hashCode();
    }
}
