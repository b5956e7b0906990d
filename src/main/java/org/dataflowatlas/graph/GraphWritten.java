package org.dataflowatlas.graph;

/**
 * Published by every write to the graph: inside a mutation's transaction (so listeners that wait
 * for the commit hear only committed writes), and after an import or a Cypher load has committed.
 *
 * @param operation what wrote: a mutation's name, {@code import:<mapping>} or {@code load}
 */
public record GraphWritten(String operation) {}
