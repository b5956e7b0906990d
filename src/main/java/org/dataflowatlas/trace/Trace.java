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
        @Nullable Organization resolvedOrigin) {

    /** Compared as the same object: hashing every reach and path of a trace costs more than it is worth. */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
