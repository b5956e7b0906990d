package org.dataflowatlas.trace;

/** Which time a change of a trace is measured in. */
public enum ChangeTime {
    /** Between two instants of this database (recordedAsOf): writes, imports and loads. */
    RECORDED,
    /** Between two days of publication (asKnownOn): evidence that became public. */
    KNOWN
}
