package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * A graph built to explode: 10 organizations each sending 2 flows to every other, so an 8-hop
 * REACHABILITY trace has ~10^10 paths; and no flow has the purpose asked for, so no path length
 * fills the answer early and every one of them has to be walked. Neo4j stops it at the query timeout (or the transaction
 * memory cap), the caller is told how to narrow it, and other requests are served meanwhile.
 * The graph is {@code fixtures/runaway-fixture.cypher}; ids start with {@code rq-}, removed afterwards.
 */
@AtlasIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunawayQueryTest {

    private static final String EXPLODING_TRACE = """
            { trace(from: "rq-org-0", mode: REACHABILITY, maxHops: 8, maxPaths: 5000, limit: 5000,
                    purposes: [LAW_ENFORCEMENT]) {
                truncated reached { organization { id } hops } } }
            """;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @LocalServerPort
    int port;

    @BeforeAll
    void explosiveGraph() {
        cleanUp();
        loader.load(new ClassPathResource("fixtures/runaway-fixture.cypher"));
    }

    @AfterAll
    void cleanUp() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'rq-' DETACH DELETE n")
                .execute();
    }

    @Test
    void a_trace_built_to_explode_is_stopped_with_advice_while_other_requests_are_served() throws Exception {
        var http = new GraphQlHttp(port);
        long started = System.nanoTime();
        var runaway = CompletableFuture.supplyAsync(() -> http.post(EXPLODING_TRACE, null));

        assertThat(waitUntilRunning())
                .as("the runaway trace is running in Neo4j")
                .isTrue();
        var probeMillis = new ArrayList<Long>();
        int answeredWhileRunning = 0;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            var probe = http.post("{ organization(id: \"x\") { name } }", null);
            probeMillis.add((System.nanoTime() - t) / 1_000_000);
            assertThat(probe.errors()).as(probe.body()).isEmpty();
            assertThat(probe.data("organization")).isEqualTo(Map.of("name", "X"));
            if (!runaway.isDone()) {
                answeredWhileRunning++;
            }
        }
        assertThat(answeredWhileRunning)
                .as("probes answered before the runaway trace was (probes took %s ms)", probeMillis)
                .isPositive();

        var response = runaway.get(3, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.classification()).as(response.body()).isEqualTo("BAD_REQUEST");
        assertThat(response.message()).contains("maxHops").contains("activeOn").contains("LINEAGE");
        assertThat(response.data("trace")).isNull();
        assertThat(runningTraces()).as("nothing of the trace keeps running").isZero();
        System.out.printf(
                "Runaway trace stopped after %.1f s (%s); probes meanwhile answered in %s ms, %d of 5 while it"
                        + " ran%n",
                seconds, response.message().substring(0, 40), probeMillis, answeredWhileRunning);
    }

    private boolean waitUntilRunning() throws InterruptedException {
        // Often: between its statements the walk works in Java, and its transaction then shows no parameters.
        for (int i = 0; i < 3000; i++) {
            if (runningTraces() > 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private long runningTraces() {
        return driver.executableQuery("""
                        SHOW TRANSACTIONS YIELD currentQuery, parameters
                        WHERE parameters.from = 'rq-org-0'
                        RETURN count(*) AS n""")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }
}
