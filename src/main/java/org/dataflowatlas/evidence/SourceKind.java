package org.dataflowatlas.evidence;

/** The kind of document a source is. */
public enum SourceKind {
    NEWS_REPORT,
    EMAIL,
    COURT_FILING,
    CONTRACT,
    FOIA_RECORD,
    STATEMENT,
    TRANSPARENCY_REPORT,
    DATASET
}
