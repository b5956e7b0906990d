package org.dataflowatlas;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.bench.StatementCounter;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.graph.WriteTransactionProbe;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.neo4j.core.Neo4jClient;

/** What every integration test may use: a graph fingerprint (and, later, beans that observe the driver). */
@TestConfiguration(proxyBeanMethods = false)
public class TestSupport {

    /** The editor key the test configuration accepts (as its SHA-256, under the name test-editor). */
    public static final String EDITOR_KEY = "test-editor-key-4f1c9a";

    /** The reader key the test configuration accepts (name test-reader). */
    public static final String READER_KEY = "test-reader-key-7b2e5d";

    @Bean
    static StatementCounter cypherCounter() {
        return new StatementCounter();
    }

    @Bean
    WriteTransactionProbe writeTransactionProbe(Neo4jClient neo4j) {
        return new WriteTransactionProbe(neo4j);
    }

    /** Every node's labels and properties and every relationship with its ends and properties, in a stable order. */
    public static List<Object> fingerprint(Driver driver) {
        return List.of(read(driver, NODES), read(driver, RELATIONSHIPS));
    }

    /**
     * The same without the audit trail and the revisions of corrected facts (the history this server
     * keeps, which exports leave out): the facts only.
     */
    public static List<Object> factFingerprint(Driver driver) {
        return List.of(
                read(driver, NODES.replace("WHERE none(", "WHERE NOT n:AuditEntry AND NOT n:Revision AND none(")),
                read(driver, RELATIONSHIPS.replace("WHERE none(", "WHERE NOT b:Revision AND none(")));
    }

    /** After a fixture written with the bare driver: the lineage links the API and the loader keep themselves. */
    public static void relink(Driver driver) {
        try (var session = driver.session()) {
            Lineage.rebuildAll(
                    (cypher, parameters) -> session.run(cypher, parameters).consume());
        }
    }

    public static long auditEntries(Driver driver) {
        return driver.executableQuery("MATCH (a:AuditEntry) RETURN count(a) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    private static final String NODES = """
            MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__')
            WITH n ORDER BY n.id, labels(n)
            RETURN count(n) AS nodes, collect([labels(n), properties(n)]) AS all
            """;

    private static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE none(l IN labels(a) WHERE l STARTS WITH '__')
            WITH a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props
            ORDER BY from, type, to, props
            RETURN count(*) AS relationships, collect([from, type, to, props]) AS all
            """;

    /** As Java values: maps compare by content, whatever order Neo4j lists the properties in. */
    private static Map<String, Object> read(Driver driver, String query) {
        return driver.executableQuery(query)
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute()
                .records()
                .getFirst()
                .asMap();
    }
}
