package org.dataflowatlas.trace;

/** What happened to a flow on a gained or lost path within the window. */
public enum ChangeKind {
    /** The flow was recorded (a mutation, an import batch or a Cypher load). */
    RECORDED,
    /** The flow was retracted. */
    RETRACTED,
    /** The flow's end date was recorded (a path lost only when the trace asks activeOn). */
    ENDED,
    /** A source of the flow's evidence was published: the flow became known. */
    PUBLISHED,
    /** A source of its retraction's evidence was published. */
    RETRACTION_PUBLISHED,
    /** A source of its end's evidence was published (a path lost only when the trace asks activeOn). */
    END_PUBLISHED
}
