package org.dataflowatlas.organization;

/** The level of government an agency or court belongs to. */
public enum Jurisdiction {
    FEDERAL,
    STATE,
    LOCAL,
    INTERNATIONAL
}
