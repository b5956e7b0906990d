package org.dataflowatlas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The materialised lineage (FEEDS links, evidencedSince dates) stays what the rule gives after
 * every kind of write: recorded flows, a new derivation, evidence and sources, retraction and end
 * dates, a Cypher load; and the check finds a write made around them. Ids start with {@code lt-}.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
class LineageTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void freshFixture() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'lt-' DETACH DELETE n")
                .execute();
        loader.load(new ClassPathResource("fixtures/lineage-fixture.cypher"));
    }

    @Test
    void a_recorded_flow_feeds_the_flows_that_pass_on_what_it_carries() {
        record("lt-f1", "lt-platform", "lt-vendor", "lt-posts", null);
        record("lt-f2", "lt-vendor", "lt-agency", "lt-posts", null);
        record("lt-f3", "lt-vendor", "lt-agency2", "lt-alerts", null);

        assertThat(feeds()).containsExactly(List.of("lt-f1", "lt-f2"));
        assertThat(reached(Map.of("from", "lt-platform"))).containsExactly("lt-vendor", "lt-agency");
        assertThat(reached(Map.of("from", "lt-agency2", "direction", "UPSTREAM")))
                .containsExactly("lt-vendor");
        assertThat(stale()).isEqualTo(List.of(0L, 0L, 0L));
    }

    @Test
    void a_new_derivation_links_flows_recorded_before_it() {
        record("lt-f1", "lt-platform", "lt-vendor", "lt-posts", null);
        record("lt-f3", "lt-vendor", "lt-agency2", "lt-alerts", null);
        assertThat(feeds()).isEmpty();

        // Another flow says the alerts derive from the posts: the earlier flows are linked too.
        record("lt-f4", "lt-platform", "lt-agency", "lt-alerts", List.of("lt-posts"));

        assertThat(feeds()).containsExactly(List.of("lt-f1", "lt-f3"));
        assertThat(reached(Map.of("from", "lt-platform"))).containsExactly("lt-agency", "lt-vendor", "lt-agency2");
        assertThat(stale()).isEqualTo(List.of(0L, 0L, 0L));
    }

    @Test
    void evidence_dates_follow_new_evidence_and_corrected_sources() {
        record("lt-f1", "lt-platform", "lt-vendor", "lt-posts", null);
        assertThat(evidencedSince("lt-f1")).isEqualTo("2021");
        assertThat(reached(Map.of("from", "lt-platform", "activeOn", "2020"))).isEmpty();

        graphQl.documentName("mutationAddEvidence")
                .variable("target", "lt-f1")
                .variable("evidence", List.of(Map.of("source", "lt-early", "quote", "an earlier mention")))
                .execute()
                .errors()
                .verify();
        assertThat(evidencedSince("lt-f1")).isEqualTo("2019");
        assertThat(reached(Map.of("from", "lt-platform", "activeOn", "2020"))).containsExactly("lt-vendor");

        graphQl.documentName("mutationAddSource")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                "lt-early",
                                "title",
                                "Lineage fixture, redated",
                                "kind",
                                "NEWS_REPORT",
                                "published",
                                "2022-05"))
                .execute()
                .errors()
                .verify();
        assertThat(evidencedSince("lt-f1")).isEqualTo("2021");
        assertThat(stale()).isEqualTo(List.of(0L, 0L, 0L));
    }

    @Test
    void retracted_and_ended_flows_keep_their_links_but_are_not_followed() {
        record("lt-f1", "lt-platform", "lt-vendor", "lt-posts", null);
        record("lt-f2", "lt-vendor", "lt-agency", "lt-posts", null);
        graphQl.documentName("mutationEndFlow")
                .variable("id", "lt-f2")
                .variable("until", "2022-06")
                .variable("evidence", List.of(Map.of("source", "lt-source", "quote", "it ended")))
                .execute()
                .errors()
                .verify();
        assertThat(reached(Map.of("from", "lt-platform", "activeOn", "2023"))).containsExactly("lt-vendor");
        assertThat(reached(Map.of("from", "lt-platform", "activeOn", "2022")))
                .containsExactly("lt-vendor", "lt-agency");

        graphQl.documentName("mutationRetractFlow")
                .variable("id", "lt-f2")
                .variable("reason", "the source was mistaken")
                .variable("evidence", List.of(Map.of("source", "lt-early", "quote", "a correction")))
                .execute()
                .errors()
                .verify();
        assertThat(feeds()).containsExactly(List.of("lt-f1", "lt-f2"));
        assertThat(reached(Map.of("from", "lt-platform"))).containsExactly("lt-vendor");
        assertThat(stale()).isEqualTo(List.of(0L, 0L, 0L));
    }

    @Test
    void the_check_finds_a_write_made_around_the_api_and_a_cypher_load_mends_it() {
        record("lt-f1", "lt-platform", "lt-vendor", "lt-posts", null);
        // As a Browser user would: a flow written in Cypher, not through the API or the loader.
        driver.executableQuery("""
                        MATCH (v:Organization {id: 'lt-vendor'}), (a:Organization {id: 'lt-agency'}),
                              (c:DataCategory {id: 'lt-posts'}), (s:Source {id: 'lt-source'})
                        CREATE (v)-[:SENDS]->(f:DataFlow {id: 'lt-raw', purpose: 'COMMERCIAL', accessMethod: 'API',
                                confidence: 'REPORTED'})-[:TO]->(a)
                        CREATE (f)-[:CARRIES]->(c)
                        CREATE (f)-[:EVIDENCED_BY {quote: 'written by hand'}]->(s)
                        """).execute();
        assertThat(stale()).isEqualTo(List.of(0L, 1L, 1L));
        assertThat(reached(Map.of("from", "lt-platform"))).containsExactly("lt-vendor");

        loader.load(new ClassPathResource("fixtures/lineage-fixture.cypher"));

        assertThat(stale()).isEqualTo(List.of(0L, 0L, 0L));
        assertThat(feeds()).containsExactly(List.of("lt-f1", "lt-raw"));
        assertThat(evidencedSince("lt-raw")).isEqualTo("2021");
        assertThat(reached(Map.of("from", "lt-platform"))).containsExactly("lt-vendor", "lt-agency");
    }

    private void record(String id, String from, String to, String category, List<String> derivedFrom) {
        var categoryInput = derivedFrom == null
                ? Map.<String, Object>of("id", category)
                : Map.<String, Object>of("id", category, "derivedFrom", derivedFrom);
        graphQl.documentName("mutationRecordFlow")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                id,
                                "from",
                                from,
                                "to",
                                to,
                                "categories",
                                List.of(categoryInput),
                                "purpose",
                                "COMMERCIAL",
                                "accessMethod",
                                "API",
                                "confidence",
                                "REPORTED",
                                "evidence",
                                List.of(Map.of("source", "lt-source", "quote", "row " + id))))
                .execute()
                .errors()
                .verify();
    }

    private List<String> reached(Map<String, Object> variables) {
        return graphQl.documentName("trace")
                .variables(variables)
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
    }

    private List<List<String>> feeds() {
        return driver.executableQuery("""
                        MATCH (a:DataFlow)-[:FEEDS]->(b:DataFlow) WHERE a.id STARTS WITH 'lt-'
                        RETURN [a.id, b.id] AS pair ORDER BY pair""").execute().records().stream()
                .map(record -> record.get("pair").asList(value -> value.asString()))
                .toList();
    }

    private String evidencedSince(String flowId) {
        return driver.executableQuery("MATCH (f:DataFlow {id: $id}) RETURN f.evidencedSince AS since")
                .withParameters(Map.of("id", flowId))
                .execute()
                .records()
                .getFirst()
                .get("since")
                .asString(null);
    }

    /** Extra links, missing links and misdated flows in the whole database. */
    private List<Long> stale() {
        var counts = driver.executableQuery(Lineage.check()).execute().records().getFirst();
        return List.of(
                counts.get("extra").asLong(),
                counts.get("missing").asLong(),
                counts.get("misdated").asLong());
    }
}
