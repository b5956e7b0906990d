package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.organization.Organization;

/**
 * What a trace found; {@code truncated} when a limit cut the answer; {@code undatedLeftOut} the flows
 * an {@code asKnownOn} trace did not follow because none of their evidence is dated.
 */
public record Trace(
        Organization origin,
        Direction direction,
        TraceMode mode,
        List<Reach> reached,
        List<FlowPath> paths,
        boolean truncated,
        int undatedLeftOut) {

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
