package org.dataflowatlas.trace;

import java.util.List;

/**
 * A chain of flows: {@code organizationIds} has one more entry than {@code flowIds}; flow i goes
 * between organizations i and i+1 (in the direction the trace walked).
 */
public record FlowPath(List<String> organizationIds, List<String> flowIds) {

    public int length() {
        return flowIds.size();
    }

    public String lastOrganizationId() {
        return organizationIds.getLast();
    }
}
