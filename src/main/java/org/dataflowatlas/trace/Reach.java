package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/** An organization a trace reached, its fewest hops from the origin, and the returned paths that end there. */
public record Reach(
        String organizationId,
        int hops,
        List<FlowPath> paths,
        @Nullable Organization resolved) {}
