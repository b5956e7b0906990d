package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.organization.Organization;

/** An organization a trace reached, its fewest hops from the origin, and the returned paths that end there. */
public record Reach(Organization organization, int hops, List<FlowPath> paths) {

    /** A reach is its organization and hop count (see {@link FlowPath#hashCode}). */
    @Override
    public boolean equals(Object other) {
        return other instanceof Reach reach
                && hops == reach.hops
                && organization.id().equals(reach.organization.id());
    }

    @Override
    public int hashCode() {
        return 31 * organization.id().hashCode() + hops;
    }
}
