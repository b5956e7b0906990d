package org.dataflowatlas.neo4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScript;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The queries in cypher/queries, run exactly as an analyst pastes them into Neo4j Browser, over the seed. */
@AtlasIntegrationTest
class AnalystQueriesTest {

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    GraphQlTester graphQl;

    @Test
    void tracing_x_downstream_reaches_dataminr_then_the_secret_service_and_its_other_police_customers()
            throws IOException {
        var reached = run("01-trace-x-downstream.cypher").stream()
                .map(r -> organizationIds(r.get("path").asPath()))
                .toList();
        assertThat(reached)
                .containsExactlyInAnyOrder(
                        "x > dataminr",
                        "x > dataminr > us-secret-service",
                        "x > dataminr > dataminr-law-enforcement-customers");
    }

    @Test
    void the_browser_trace_query_gives_the_same_paths_as_the_api() throws IOException {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
        for (var origin : List.of("x", "tf-platform", "tf-feds")) {
            var browser = run("01-trace-x-downstream.cypher", "'x' AS origin", "'" + origin + "' AS origin").stream()
                    .map(r -> organizationIds(r.get("path").asPath()))
                    .toList();
            var response =
                    graphQl.documentName("trace").variable("from", origin).execute();
            int count =
                    response.path("trace.paths").entityList(Object.class).get().size();
            var api = new ArrayList<String>();
            for (int i = 0; i < count; i++) {
                api.add(String.join(
                        " > ",
                        response.path("trace.paths[" + i + "].organizations[*].id")
                                .entityList(String.class)
                                .get()));
            }
            assertThat(browser).as("paths from " + origin).containsExactlyInAnyOrderElementsOf(api);
        }
    }

    @Test
    void the_browser_as_known_on_query_gives_the_same_paths_as_the_api() throws IOException {
        loader.load(new ClassPathResource("fixtures/known-time-fixture.cypher"));
        assertThat(browserPaths("07-trace-as-known-on.cypher", "x", "'2023-06-30'"))
                .isEmpty();
        assertThat(browserPaths("07-trace-as-known-on.cypher", "x", "'2024-12-31'"))
                .contains("x > dataminr > us-secret-service");
        for (var origin : List.of("x", "kt-platform")) {
            for (var day : List.of("2023-06-30", "2023-12-31", "2024-03-31", "2025-02-28", "2024-12-31")) {
                assertThat(browserPaths("07-trace-as-known-on.cypher", origin, "'" + day + "'"))
                        .as("paths from %s as known on %s", origin, day)
                        .containsExactlyInAnyOrderElementsOf(apiPaths(origin, "asKnownOn", day));
            }
        }
    }

    @Test
    void the_browser_as_recorded_at_query_gives_the_same_paths_as_the_api() throws IOException {
        loader.load(new ClassPathResource("fixtures/known-time-fixture.cypher"));
        // The seed is loaded when the server starts, the fixture after: between them, only the seed.
        var seedLoaded = driver.executableQuery(
                        "MATCH (f:DataFlow {id: 'x-to-dataminr-firehose'}) RETURN toString(f.recordedAt) AS at")
                .execute()
                .records()
                .getFirst()
                .get("at")
                .asString();
        assertThat(browserPaths("08-trace-as-recorded-at.cypher", "kt-platform", "datetime('" + seedLoaded + "')"))
                .isEmpty();
        assertThat(browserPaths("08-trace-as-recorded-at.cypher", "x", "datetime('" + seedLoaded + "')"))
                .contains("x > dataminr > us-secret-service");
        for (var origin : List.of("x", "kt-platform")) {
            for (var instant : List.of("2000-01-01T00:00:00Z", seedLoaded, "2100-01-01T00:00:00Z")) {
                assertThat(browserPaths("08-trace-as-recorded-at.cypher", origin, "datetime('" + instant + "')"))
                        .as("paths from %s as recorded at %s", origin, instant)
                        .containsExactlyInAnyOrderElementsOf(apiPaths(origin, "recordedAsOf", instant));
            }
        }
    }

    /** The paths of a Browser query whose first line is {@code WITH 'x' AS origin, <value> AS <name>}. */
    private List<String> browserPaths(String file, String origin, String value) throws IOException {
        var text = Files.readString(Path.of("cypher/queries", file));
        var first = text.lines()
                .filter(line -> line.startsWith("WITH 'x' AS origin, "))
                .findFirst()
                .orElseThrow();
        var name = first.substring(first.lastIndexOf(" AS ") + 4);
        return run(file, first, "WITH '" + origin + "' AS origin, " + value + " AS " + name).stream()
                .map(r -> organizationIds(r.get("path").asPath()))
                .toList();
    }

    private List<String> apiPaths(String origin, String argument, String value) {
        var response = graphQl.documentName("traceAsOf")
                .variables(java.util.Map.of("from", origin, argument, value))
                .execute();
        int count = response.path("trace.paths").entityList(Object.class).get().size();
        var api = new ArrayList<String>();
        for (int i = 0; i < count; i++) {
            api.add(String.join(
                    " > ",
                    response.path("trace.paths[" + i + "].organizations[*].id")
                            .entityList(String.class)
                            .get()));
        }
        return api;
    }

    @Test
    void the_browser_policy_query_gives_the_same_approvals_as_the_api() throws IOException {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
        for (var platform : List.of("x", "tf-platform", "tf-platform2", "tf-platform3")) {
            var browser =
                    run("03-policy-conflicts.cypher", "'x' AS platformId", "'" + platform + "' AS platformId").stream()
                            .map(r -> r.get("flow").asString() + "="
                                    + r.get("approval").asString())
                            .toList();
            var response = graphQl.documentName("policyConflicts")
                    .variable("platform", platform)
                    .execute();
            var flows = response.path("policyConflicts[*].flow.id")
                    .entityList(String.class)
                    .get();
            var approvals = response.path("policyConflicts[*].approval")
                    .entityList(String.class)
                    .get();
            var api = new ArrayList<String>();
            for (int i = 0; i < flows.size(); i++) {
                api.add(flows.get(i) + "=" + approvals.get(i));
            }
            assertThat(browser).as("conflicts of " + platform).isNotEmpty().containsExactlyInAnyOrderElementsOf(api);
        }
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
    void evidence_for_the_secret_service_flow_quotes_the_article_and_names_the_emails_it_cites() throws IOException {
        var rows = run("04-evidence-for-a-flow.cypher");
        assertThat(rows).extracting(r -> r.get("kind").asString()).contains("EMAIL", "NEWS_REPORT");
        // The passages are the article's; the emails, which we have not read, come without one.
        assertThat(rows)
                .allSatisfy(r -> assertThat(r.get("quote").isNull())
                        .as(r.get("title").asString())
                        .isEqualTo(!r.get("title").asString().contains("(seed article)")));
        assertThat(rows)
                .filteredOn(r -> !r.get("quote").isNull())
                .extracting(r -> r.get("quote").asString())
                .anyMatch(q -> q.contains("whole point of this contract"));
        assertThat(rows)
                .filteredOn(r -> r.get("kind").asString().equals("EMAIL"))
                .singleElement()
                .satisfies(emails -> {
                    assertThat(emails.get("citedBy").asList(Value::asString)).hasSize(2);
                    assertThat(emails.get("sourceInferred").asList(Value::asString))
                            .singleElement()
                            .satisfies(mark -> assertThat(mark).startsWith("published: "));
                });
    }

    @Test
    void what_is_inferred_lists_each_mark_with_its_value_and_reasoning() throws IOException {
        var all = run("06-what-is-inferred.cypher");
        assertThat(all).hasSizeGreaterThanOrEqualTo(15);
        assertThat(all)
                .allSatisfy(r -> assertThat(r.get("reasoning").asString()).isNotBlank());

        var flow = run(
                "06-what-is-inferred.cypher",
                "WITH null AS about",
                "WITH 'dataminr-to-us-secret-service-first-alert' AS about");
        assertThat(flow)
                .extracting(r -> r.get("field").asString() + "=" + r.get("value"))
                .containsExactly(
                        "accessMethod=\"ALERTS\"",
                        "agreements=[\"Contract between Dataminr and the US Secret Service\"]",
                        "categories=[\"First Alert alerts\"]",
                        "realTime=TRUE",
                        "via=[\"First Alert\"]");
        assertThat(flow).allSatisfy(r -> assertThat(r.get("kind").asString()).isEqualTo("DataFlow"));
    }

    @Test
    void the_overview_shows_both_hops_of_the_chain() throws IOException {
        var rows = run("05-the-whole-seed-case.cypher");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows).allSatisfy(r -> assertThat(r.get("policy").isNull()).isFalse());
    }

    private static String organizationIds(org.neo4j.driver.types.Path path) {
        var ids = new ArrayList<String>();
        path.nodes().forEach(n -> {
            if (n.hasLabel("Organization")) {
                ids.add(n.get("id").asString());
            }
        });
        return String.join(" > ", ids);
    }

    private List<Record> run(String file) throws IOException {
        return run(file, "", "");
    }

    /** Runs the file as Browser would, after replacing its parameter line (an analyst's edit). */
    private List<Record> run(String file, String line, String replacement) throws IOException {
        var text = Files.readString(Path.of("cypher/queries", file));
        assertThat(text).contains(line);
        var script = CypherScript.parse(file, line.isEmpty() ? text : text.replace(line, replacement));
        assertThat(script.statements())
                .as("one query per file, as Browser runs it")
                .hasSize(1);
        return driver.executableQuery(script.statements().getFirst().text())
                .execute()
                .records();
    }
}
