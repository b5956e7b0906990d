package org.dataflowatlas.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.flow.AccessMethod;
import org.dataflowatlas.flow.CategoryInput;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.FlowInput;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Lineage;
import org.neo4j.driver.Driver;

/**
 * {@code recordFlow} on the real graph, at the busiest agency and at a quiet one: the service path
 * (checks, the write, its audit entry, its lineage links and evidence date, one transaction), the
 * bare statement writing the same flow with the lineage statement after it, and the bare statement
 * alone, so what lineage adds to a write is the difference of the last two.
 */
final class WriteBench {

    private static final String SOURCE = "bench-writes";

    /** The flow, its ends, category and evidence: what the service writes, without checks, audit or lineage. */
    private static final String BARE = """
            MATCH (s:Organization {id: $from}), (t:Organization {id: $to}), (src:Source {id: $source})
            MERGE (f:DataFlow {id: $id})
            SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'SHARED_NETWORK', f.realTime = false,
                f.confidence = 'REPORTED'
            MERGE (s)-[:SENDS]->(f)
            MERGE (f)-[:TO]->(t)
            MERGE (c:DataCategory {id: $category})
            MERGE (f)-[:CARRIES]->(c)
            MERGE (f)-[:EVIDENCED_BY {quote: 'benchmark write'}]->(src)
            """;

    private final Driver driver;
    private final FlowService flows;
    private final PrintWriter log;

    WriteBench(Driver driver, FlowService flows, PrintWriter log) {
        this.driver = driver;
        this.flows = flows;
        this.log = log;
    }

    /**
     * The busiest and the quietest of the origins that send something (a new flow carries what the
     * sender already sends), each writing to {@code to}.
     */
    void run(StringBuilder report, List<String> origins, String to, int warmup, int iterations) {
        var senders = new ArrayList<Map.Entry<String, String>>();
        for (var origin : origins) {
            var sent = driver.executableQuery("""
                            MATCH (:Organization {id: $id})-[:SENDS]->(:DataFlow)-[:CARRIES]->(c:DataCategory)
                            RETURN c.id AS category ORDER BY category LIMIT 1""")
                    .withParameters(Map.of("id", origin))
                    .execute()
                    .records();
            if (!sent.isEmpty() && !origin.equals(to)) {
                senders.add(Map.entry(origin, sent.getFirst().get("category").asString()));
            }
        }
        if (senders.isEmpty()) {
            report.append("## Writes: `recordFlow` on the real graph\n\nSkipped: no origin sends anything.\n\n");
            return;
        }
        driver.executableQuery("MERGE (s:Source {id: $id}) SET s.title = 'Benchmark writes', s.kind = 'DATASET'")
                .withParameters(Map.of("id", SOURCE))
                .execute();
        report.append("## Writes: `recordFlow` on the real graph\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%d warm-up and %d measured flows per row, each a new flow carrying a category the sender already sends;"
                                + " the service path (`FlowService.record`: checks, write, audit entry, lineage links and"
                                + " evidence date in one transaction), the bare statement writing the same flow followed by"
                                + " the lineage statement `recordFlow` runs (`Lineage.refreshFlow`) in its transaction, and"
                                + " the bare statement alone; the three take turns going first.%n%n",
                        warmup,
                        iterations))
                .append("| sender | flows at the sender | service p50 ms | service p99 ms | bare + lineage p50 ms |"
                        + " bare + lineage p99 ms | bare p50 ms | bare p99 ms | service / bare p50 |"
                        + "\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        try {
            for (var sender : List.of(senders.getFirst(), senders.getLast())) {
                var from = sender.getKey();
                var category = sender.getValue();
                log.printf("Writes: recordFlow from %s…%n", from);
                log.flush();
                var product = new ArrayList<Long>();
                var linked = new ArrayList<Long>();
                var bare = new ArrayList<Long>();
                for (int i = 0; i < warmup + iterations; i++) {
                    var times = new long[3];
                    for (int k = 0; k < 3; k++) {
                        int side = (i + k) % 3; // each side goes first in turn
                        var id = "bench-write-" + side + "-" + from + "-" + i;
                        long started = System.nanoTime();
                        if (side == 0) {
                            flows.record(input(id, from, to, category));
                        } else {
                            boolean withLineage = side == 1;
                            try (var session = driver.session()) {
                                session.executeWriteWithoutResult(tx -> {
                                    tx.run(
                                                    BARE,
                                                    Map.of(
                                                            "id",
                                                            id,
                                                            "from",
                                                            from,
                                                            "to",
                                                            to,
                                                            "source",
                                                            SOURCE,
                                                            "category",
                                                            category))
                                            .consume();
                                    if (withLineage) {
                                        Lineage.refreshFlow(
                                                (cypher, parameters) -> tx.run(cypher, parameters)
                                                        .consume(),
                                                List.of(id));
                                    }
                                });
                            }
                        }
                        times[side] = System.nanoTime() - started;
                    }
                    if (i >= warmup) {
                        product.add(times[0]);
                        linked.add(times[1]);
                        bare.add(times[2]);
                    }
                }
                long degree = driver.executableQuery(
                                "MATCH (:Organization {id: $id})-[:SENDS|TO]-(f:DataFlow) RETURN count(f) AS n")
                        .withParameters(Map.of("id", from))
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong();
                report.append(String.format(
                        Locale.ROOT,
                        "| `%s` | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f |%n",
                        from,
                        degree,
                        Benchmark.percentile(product, 50),
                        Benchmark.percentile(product, 99),
                        Benchmark.percentile(linked, 50),
                        Benchmark.percentile(linked, 99),
                        Benchmark.percentile(bare, 50),
                        Benchmark.percentile(bare, 99),
                        Benchmark.percentile(product, 50) / Benchmark.percentile(bare, 50)));
            }
            report.append('\n');
        } finally {
            try (var session = driver.session()) {
                session.run("""
                                MATCH (n) WHERE n.id STARTS WITH 'bench-write' OR (n:AuditEntry AND n.operation = 'recordFlow')
                                CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS""").consume();
            }
        }
    }

    private static FlowInput input(String id, String from, String to, String category) {
        return new FlowInput(
                id,
                from,
                to,
                List.of(new CategoryInput(category, null, null, null, null)),
                null,
                Purpose.LAW_ENFORCEMENT,
                AccessMethod.SHARED_NETWORK,
                false,
                null,
                null,
                Confidence.REPORTED,
                null,
                null,
                List.of(new EvidenceInput(SOURCE, "benchmark write")),
                null);
    }
}
