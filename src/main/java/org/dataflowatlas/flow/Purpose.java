package org.dataflowatlas.flow;

/** What the receiver of a flow uses the data for. */
public enum Purpose {
    COMMERCIAL,
    LAW_ENFORCEMENT,
    NATIONAL_SECURITY,
    PUBLIC_SAFETY,
    RESEARCH,
    JOURNALISM,
    ADVERTISING,
    OTHER
}
