package org.dataflowatlas.timeline;

/** What a timeline entry records. */
public enum TimelineKind {
    EVENT,
    STATEMENT,
    FLOW_START,
    FLOW_FIRST_EVIDENCED,
    FLOW_END,
    FLOW_RETRACTED,
    OWNERSHIP_START,
    OWNERSHIP_END
}
