package org.dataflowatlas.trace;

/** What counts as a chain of flows. */
public enum TraceMode {
    /** Each later hop passes on what the previous hop carried (the same category or one derived from it). */
    LINEAGE,
    /** Any chain of flows: who is connected to whom. */
    REACHABILITY
}
