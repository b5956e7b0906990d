package org.dataflowatlas.graph;

import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.ClientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Neo4j keeps a statement's plan made on the statistics of its first call. After a bulk write
 * (an import, {@code generate}, a Cypher load) those can be far off: traces planned on the seed
 * alone ran 3–10× slower on the Flock network imported after them (docs/benchmarks-notes.md).
 * Dropping the cached plans lets the next call of each statement plan on the data as it is.
 */
public final class QueryPlans {

    private static final Logger log = LoggerFactory.getLogger(QueryPlans.class);

    private QueryPlans() {}

    public static void forgetAfterBulkWrite(Driver driver) {
        try {
            driver.executableQuery("CALL db.clearQueryCaches()").execute();
        } catch (ClientException ex) {
            // An external server may keep the procedure for administrators: plans then refresh on Neo4j's own schedule.
            log.warn(
                    "Could not clear Neo4j's query caches after a bulk write ({}); traces may run on older plans for a while",
                    ex.getMessage());
        }
    }
}
