package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/** What a trace found; {@code truncated} when a limit cut the answer. */
public record Trace(
        String originId,
        Direction direction,
        TraceMode mode,
        List<Reach> reached,
        List<FlowPath> paths,
        boolean truncated,
        @Nullable Organization resolvedOrigin) {}
