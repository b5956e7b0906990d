package org.dataflowatlas.datasets;

import java.util.Map;
import org.neo4j.driver.TransactionContext;

/** Runs one statement of an import's transaction and adds its counters to the import's. */
final class Writes {

    private Writes() {}

    static void run(TransactionContext tx, long[] counters, String cypher, Map<String, Object> parameters) {
        var summary = tx.run(cypher, parameters).consume().counters();
        counters[0] += summary.nodesCreated();
        counters[1] += summary.relationshipsCreated();
        counters[2] += summary.propertiesSet();
    }
}
