package org.dataflowatlas.flow;

/** How the data of a flow is handed over. */
public enum AccessMethod {
    FIREHOSE,
    API,
    ALERTS,
    BULK_EXPORT,
    DASHBOARD,
    SHARED_NETWORK,
    LEGAL_PROCESS,
    OTHER
}
