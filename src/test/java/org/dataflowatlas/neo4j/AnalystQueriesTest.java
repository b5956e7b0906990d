package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScript;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;

/** The queries in cypher/queries, run exactly as an analyst pastes them into Neo4j Browser, over the seed. */
@AtlasIntegrationTest
class AnalystQueriesTest {

    @Autowired
    Driver driver;

    @Test
    void tracing_x_downstream_reaches_dataminr_then_the_secret_service_and_its_other_police_customers()
            throws IOException {
        var reached = run("01-trace-x-downstream.cypher").stream()
                .map(r -> r.get("path").asPath())
                .map(path -> {
                    var ids = new java.util.ArrayList<String>();
                    path.nodes().forEach(n -> {
                        if (n.hasLabel("Organization")) {
                            ids.add(n.get("id").asString());
                        }
                    });
                    return String.join(" > ", ids);
                })
                .toList();
        assertThat(reached)
                .containsExactlyInAnyOrder(
                        "x > dataminr",
                        "x > dataminr > us-secret-service",
                        "x > dataminr > dataminr-law-enforcement-customers");
    }

    @Test
    void who_feeds_the_secret_service_is_dataminr_with_first_alert() throws IOException {
        var rows = run("02-who-feeds-an-agency.cypher");
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().get("sender").asString()).isEqualTo("Dataminr");
        assertThat(rows.getFirst().get("via").asString()).isEqualTo("First Alert");
        assertThat(rows.getFirst().get("carries").asList(Value::asString)).containsExactly("First Alert alerts");
        assertThat(rows.getFirst().get("sources").asInt()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void x_policy_conflicts_with_law_enforcement_use_and_approval_is_unknown() throws IOException {
        var rows = run("03-policy-conflicts.cypher");
        assertThat(rows)
                .extracting(r -> r.get("flow").asString())
                .containsExactlyInAnyOrder(
                        "dataminr-to-us-secret-service-first-alert",
                        "dataminr-to-law-enforcement-customers-first-alert");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("approval").asString()).isEqualTo("UNKNOWN");
            assertThat(r.get("through").asList(Value::asString)).startsWith("X", "Dataminr");
        });
    }

    @Test
    void evidence_for_the_secret_service_flow_quotes_its_own_email() throws IOException {
        var rows = run("04-evidence-for-a-flow.cypher");
        assertThat(rows).extracting(r -> r.get("kind").asString()).contains("EMAIL", "NEWS_REPORT");
        assertThat(rows)
                .extracting(r -> r.get("quote").asString())
                .anyMatch(q -> q.contains("whole point of this contract"));
        assertThat(rows)
                .extracting(r -> r.get("citedBy").asList(Value::asString))
                .anyMatch(c -> !c.isEmpty());
    }

    @Test
    void the_overview_shows_both_hops_of_the_chain() throws IOException {
        var rows = run("05-the-whole-seed-case.cypher");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("policy").isNull()).isFalse());
    }

    private List<Record> run(String file) throws IOException {
        var script = CypherScript.parse(file, Files.readString(Path.of("cypher/queries", file)));
        assertThat(script.statements())
                .as("one query per file, as Browser runs it")
                .hasSize(1);
        return driver.executableQuery(script.statements().getFirst().text())
                .execute()
                .records();
    }
}
