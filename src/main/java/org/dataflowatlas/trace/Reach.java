package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/** An organization a trace reached, its fewest hops from the origin, and the returned paths that end there. */
public record Reach(
        String organizationId,
        int hops,
        List<FlowPath> paths,
        @Nullable Organization resolved) {

    /** A reach is its organization and hop count (see {@link FlowPath#hashCode}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Reach reach && hops == reach.hops && organizationId.equals(reach.organizationId);
    }

    @Override
    public int hashCode() {
        return 31 * organizationId.hashCode() + hops;
    }
}
