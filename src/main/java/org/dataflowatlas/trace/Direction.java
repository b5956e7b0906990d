package org.dataflowatlas.trace;

/** Which way a trace follows the data. */
public enum Direction {
    /** Who receives data from the origin, and from them onwards. */
    DOWNSTREAM,
    /** Whose data reaches the origin. */
    UPSTREAM
}
