package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.ReadsNeedKeyIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;

/**
 * 8 writers × 100 overlapping mutations over HTTP on a handful of shared ids: every call succeeds
 * (deadlocks are retried), no node or relationship is duplicated, every distinct write is present
 * and each call left exactly one audit entry. Ids start with {@code cw-}; removed afterwards. On the
 * server where reads need a key (every call here sends the editor key anyway): its graph is its own,
 * so this long class runs beside the shared-context classes rather than after them.
 */
@ReadsNeedKeyIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentWritesTest {

    private static final int WRITERS = 8;
    private static final int CALLS = 100;
    private static final int ORGANIZATIONS = 6; // as many as fixtures/concurrent-writes-fixture.cypher writes
    private static final int FLOWS = 10;
    private static final int QUOTES = 3;

    final Driver driver = OwnDatabase.bean(Driver.class);

    final CypherScriptLoader loader = OwnDatabase.bean(CypherScriptLoader.class);

    final int port = OwnDatabase.port();

    @BeforeAll
    void fixtures() {
        cleanUp();
        loader.load(new ClassPathResource("fixtures/concurrent-writes-fixture.cypher"));
    }

    @AfterAll
    void cleanUp() {
        driver.executableQuery("""
                        MATCH (n) WHERE n.id STARTS WITH 'cw-'
                           OR (n:AuditEntry AND any(id IN n.ids WHERE id STARTS WITH 'cw-'))
                        DETACH DELETE n
                        """).execute();
    }

    /** Call number i: alternately an upsert of one of 6 organizations and a flow between two of them. */
    private static boolean isFlow(int writer, int call) {
        return (writer + call) % 2 == 1;
    }

    private static int flowOf(int writer, int call) {
        return (writer * 7 + call) % FLOWS;
    }

    private static int quoteOf(int writer, int call) {
        return (writer + call / 2) % QUOTES;
    }

    private static Map<String, Object> flowInput(int flow, int quote) {
        // Flow k goes from org k%6 to org (k+1+k/6)%6: both ends shared with other flows, both directions used.
        int from = flow % ORGANIZATIONS;
        int to = (from + 1 + flow / ORGANIZATIONS) % ORGANIZATIONS;
        return Map.of(
                "id",
                "cw-flow-" + flow,
                "from",
                "cw-org-" + from,
                "to",
                "cw-org-" + to,
                "categories",
                List.of(Map.of("id", "cw-posts")),
                "purpose",
                "COMMERCIAL",
                "accessMethod",
                "API",
                "confidence",
                "REPORTED",
                "evidence",
                List.of(Map.of("source", "cw-source", "quote", "CW quote " + quote)));
    }

    @Test
    void eight_writers_on_shared_ids_leave_one_of_everything_and_every_write(CapturedOutput output) throws Exception {
        var http = new GraphQlHttp(port);
        var failures = Collections.synchronizedList(new ArrayList<String>());
        var latencies = new ConcurrentHashMap<String, Long>();
        long started = System.nanoTime();
        try (var pool = Executors.newFixedThreadPool(WRITERS)) {
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                pool.submit(() -> {
                    for (int call = 0; call < CALLS; call++) {
                        long t = System.nanoTime();
                        var response = isFlow(writer, call)
                                ? http.post(
                                        "mutation f($input: FlowInput!) { recordFlow(input: $input) { id } }",
                                        Map.of("input", flowInput(flowOf(writer, call), quoteOf(writer, call))),
                                        TestSupport.EDITOR_KEY)
                                : http.post(
                                        "mutation o($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }",
                                        Map.of(
                                                "input",
                                                Map.of(
                                                        "id", "cw-org-" + (writer + call) % ORGANIZATIONS,
                                                        "name", "CW " + (writer + call) % ORGANIZATIONS,
                                                        "kind", "COMPANY",
                                                        "description", "Written by writer " + writer)),
                                        TestSupport.EDITOR_KEY);
                        latencies.put(writer + "/" + call, System.nanoTime() - t);
                        if (response.status() != 200 || !response.errors().isEmpty()) {
                            failures.add(writer + "/" + call + ": " + response.body());
                        }
                    }
                });
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.MINUTES)).isTrue();
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(failures)
                .as("every call succeeds (transient errors are retried)")
                .isEmpty();

        // What was sent: which flows, and which quotes each flow received.
        var quotesByFlow = new HashMap<Integer, Set<Integer>>();
        for (int w = 0; w < WRITERS; w++) {
            for (int call = 0; call < CALLS; call++) {
                if (isFlow(w, call)) {
                    quotesByFlow
                            .computeIfAbsent(flowOf(w, call), k -> new HashSet<>())
                            .add(quoteOf(w, call));
                }
            }
        }
        assertThat(count("MATCH (o:Organization) WHERE o.id STARTS WITH 'cw-org-' RETURN count(o) AS n"))
                .isEqualTo(ORGANIZATIONS);
        assertThat(count("MATCH (c:DataCategory {id: 'cw-posts'}) RETURN count(c) AS n"))
                .isEqualTo(1);
        assertThat(count("MATCH (f:DataFlow) WHERE f.id STARTS WITH 'cw-flow-' RETURN count(f) AS n"))
                .isEqualTo(quotesByFlow.size());
        for (var flow : quotesByFlow.entrySet()) {
            var id = "cw-flow-" + flow.getKey();
            var shape = driver.executableQuery("""
                            MATCH (f:DataFlow {id: $id})
                            RETURN COUNT { (:Organization)-[:SENDS]->(f) } AS senders,
                                   COUNT { (f)-[:TO]->(:Organization) } AS receivers,
                                   COUNT { (f)-[:CARRIES]->(:DataCategory) } AS categories,
                                   [(f)-[e:EVIDENCED_BY]->(:Source) | e.quote] AS quotes
                            """)
                    .withParameters(Map.of("id", id))
                    .execute()
                    .records()
                    .getFirst();
            assertThat(shape.get("senders").asLong()).as(id + " senders").isEqualTo(1);
            assertThat(shape.get("receivers").asLong()).as(id + " receivers").isEqualTo(1);
            assertThat(shape.get("categories").asLong()).as(id + " categories").isEqualTo(1);
            assertThat(shape.get("quotes").asList(value -> value.asString()))
                    .as(id + " has each quote sent to it, once")
                    .containsExactlyInAnyOrderElementsOf(
                            flow.getValue().stream().map(q -> "CW quote " + q).toList());
        }
        assertThat(count("""
                        MATCH (a:AuditEntry {actor: 'test-editor'})
                        WHERE a.operation IN ['recordFlow', 'upsertOrganization'] AND any(id IN a.ids WHERE id STARTS WITH 'cw-')
                        RETURN count(a) AS n""")).as("one audit entry per call").isEqualTo(WRITERS * CALLS);

        var sorted = latencies.values().stream().sorted().toList();
        long retries = output.getAll()
                .lines()
                .filter(line -> line.contains("running the transaction again"))
                .count();
        System.out.printf(
                "Concurrent writes: %d writers x %d calls in %.1f s (%.0f calls/s), p50 %.1f ms, p99 %.1f ms,"
                        + " %d transient-error retries%n",
                WRITERS,
                CALLS,
                seconds,
                WRITERS * CALLS / seconds,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get(sorted.size() * 99 / 100) / 1e6,
                retries);
    }

    private long count(String query) {
        return driver.executableQuery(query)
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }
}
