package org.dataflowatlas.trace;

import java.util.List;

/** What a trace found; {@code truncated} when a limit cut the answer. */
public record Trace(
        String originId,
        Direction direction,
        TraceMode mode,
        List<Reach> reached,
        List<FlowPath> paths,
        boolean truncated) {}
