package org.dataflowatlas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.importer.Importer;
import org.dataflowatlas.importer.SyntheticGraph;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * The dates known time reads ({@code knownSince}, {@code untilKnownSince},
 * {@code retractionKnownSince}: last days of publication) and the instants recorded time reads are
 * kept by every kind of write: recordFlow, evidence and sources, endFlow, retractFlow, an import
 * batch, generate, a Cypher load; the lineage check finds a write made around them and the rebuild
 * mends it. Ids start with {@code kd-} (and {@code syn-} for the generated graph, removed after).
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
class KnownDatesTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Importer importer;

    @Autowired
    SyntheticGraph synthetic;

    @TempDir
    Path work;

    @BeforeEach
    void freshFixture() {
        removeOurs();
        loader.load(new ClassPathResource("fixtures/known-dates-fixture.cypher"));
    }

    @AfterEach
    void removeOurs() {
        driver.executableQuery("""
                        MATCH (n) WHERE n.id STARTS WITH 'kd-' OR n.id STARTS WITH 'syn-'
                        DETACH DELETE n""").execute();
    }

    @Test
    void a_partial_publication_date_counts_by_the_same_day_read_either_way() {
        // Every day of 2023 and early 2024 against dates of each precision, leap February included.
        var rows = new ArrayList<Map<String, String>>();
        for (var day = LocalDate.of(2022, 12, 25); day.isBefore(LocalDate.of(2024, 3, 5)); day = day.plusDays(1)) {
            for (var published : List.of(
                    "2023", "2023-02", "2023-04", "2023-06", "2023-12", "2024-02", "2023-06-30", "2024-02-29")) {
                rows.add(Map.of(
                        "published",
                        published,
                        "knownOn",
                        day.toString(),
                        "after",
                        day.plusDays(1).toString()));
            }
        }
        var disagreements = driver
                .executableQuery("""
                        UNWIND $rows AS row
                        WITH row, %s <= row.knownOn AS byLastDay, %s AS byPrecision
                        WHERE byLastDay <> byPrecision
                        RETURN row.published + ' on ' + row.knownOn AS disagreement""".formatted(AsOf.lastDay("row.published"), AsOf.publishedBy("row.published"))
                        .replace("$knownAfter", "row.after"))
                .withParameters(Map.of("rows", rows))
                .execute()
                .records()
                .stream()
                .map(record -> record.get("disagreement").asString())
                .toList();
        assertThat(rows).hasSizeGreaterThan(3000);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void a_cypher_load_dates_and_stamps_the_flows_it_wrote() {
        // Published 2024-02, a leap year's February: known from the 29th.
        assertThat(flow("kd-loaded").get("knownSince").asString()).isEqualTo("2024-02-29");
        assertThat(flow("kd-loaded").get("recordedAt").isNull()).isFalse();
        assertThat(evidenceStamps("kd-loaded")).doesNotContainNull();
    }

    @Test
    void recording_a_flow_and_adding_evidence_keep_its_known_date() {
        record("kd-f1", "kd-2021");
        var recorded = flow("kd-f1");
        assertThat(recorded.get("knownSince").asString()).isEqualTo("2021-12-31");
        assertThat(recorded.get("evidencedSince").asString()).isEqualTo("2021");
        assertThat(recorded.get("recordedAt").isNull()).isFalse();
        assertThat(evidenceStamps("kd-f1")).hasSize(1).doesNotContainNull();

        addEvidence("kd-f1", "kd-undated");
        assertThat(flow("kd-f1").get("knownSince").asString()).isEqualTo("2021-12-31");
        addEvidence("kd-f1", "kd-2019-05");
        assertThat(flow("kd-f1").get("knownSince").asString()).isEqualTo("2019-05-31");
        assertThat(evidenceStamps("kd-f1")).hasSize(3).doesNotContainNull();
        // The recorded instant is the first write's: re-recording and new evidence leave it.
        assertThat(flow("kd-f1").get("recordedAt")).isEqualTo(recorded.get("recordedAt"));
    }

    @Test
    void a_redated_source_redates_the_flows_it_evidences() {
        record("kd-f1", "kd-2019-05");
        graphQl.documentName("mutationAddSource")
                .variable(
                        "input",
                        Map.of("id", "kd-2019-05", "title", "KD month", "kind", "NEWS_REPORT", "published", "2022"))
                .execute()
                .errors()
                .verify();
        assertThat(flow("kd-f1").get("knownSince").asString()).isEqualTo("2022-12-31");
    }

    @Test
    void an_end_and_a_retraction_are_known_from_their_own_evidence() {
        record("kd-f1", "kd-2021");
        graphQl.documentName("mutationEndFlow")
                .variable("id", "kd-f1")
                .variable("until", "2023")
                .variable("evidence", List.of(Map.of("source", "kd-2026-02-14", "quote", "it ended")))
                .execute()
                .errors()
                .verify();
        var ended = flow("kd-f1");
        assertThat(ended.get("untilKnownSince").asString()).isEqualTo("2026-02-14");
        assertThat(ended.get("knownSince").asString()).isEqualTo("2021-12-31");
        assertThat(ended.get("untilRecordedAt").isNull()).isFalse();
        assertThat(ended.get("retractionKnownSince").isNull()).isTrue();

        graphQl.documentName("mutationRetractFlow")
                .variable("id", "kd-f1")
                .variable("reason", "mistaken")
                .variable("evidence", List.of(Map.of("source", "kd-2024-02", "quote", "a correction")))
                .execute()
                .errors()
                .verify();
        var retracted = flow("kd-f1");
        assertThat(retracted.get("retractionKnownSince").asString()).isEqualTo("2024-02-29");
        assertThat(retracted.get("retractedAt").isNull()).isFalse();
        assertThat(misdated()).isZero();
    }

    @Test
    void an_import_batch_dates_and_stamps_its_flows() throws IOException {
        Files.writeString(work.resolve("flows.csv"), "id,from,to\nkd-imp-1,kd-platform,kd-vendor\n");
        var mapping = work.resolve("kd.yaml");
        Files.writeString(mapping, """
                name: kd-import
                source:
                  id: kd-import-source
                  title: KD import
                  kind: DATASET
                  published: "2023-11"
                tables:
                  - file: flows.csv
                    flows:
                      - id: "{id}"
                        from: "{from}"
                        to: "{to}"
                        categories:
                          - {id: kd-posts, name: KD posts, origin: kd-platform}
                        purpose: COMMERCIAL
                        accessMethod: API
                        confidence: REPORTED
                        quote: "row {_line}"
                """);
        var progress = new StringWriter();
        var summary = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(summary.failed()).as(progress.toString()).isFalse();
        var imported = flow("kd-imp-1");
        assertThat(imported.get("knownSince").asString()).isEqualTo("2023-11-30");
        assertThat(imported.get("recordedAt").isNull()).isFalse();
        assertThat(evidenceStamps("kd-imp-1")).hasSize(1).doesNotContainNull();
    }

    @Test
    void generated_flows_are_stamped_and_known_from_their_source() {
        synthetic.generate(40, 120, 5, 50, new PrintWriter(new StringWriter()));
        var counts = driver.executableQuery("""
                        MATCH (f:DataFlow)-[:EVIDENCED_BY]->(s:Source) WHERE f.id STARTS WITH 'syn-'
                        RETURN count(f) AS flows, count(f.recordedAt) AS stamped,
                               count(CASE WHEN f.knownSince = s.published + '-12-31' THEN 1 END) AS known,
                               collect(DISTINCT s.published) AS published""").execute().records().getFirst();
        assertThat(counts.get("flows").asLong()).isPositive();
        assertThat(counts.get("stamped").asLong()).isEqualTo(counts.get("flows").asLong());
        assertThat(counts.get("published").asList(Value::asString)).hasSize(1);
        assertThat(counts.get("known").asLong()).isEqualTo(counts.get("flows").asLong());
    }

    @Test
    void the_check_finds_a_source_redated_around_the_api_and_the_rebuild_mends_it() {
        record("kd-f1", "kd-2021");
        driver.executableQuery("MATCH (s:Source {id: 'kd-2021'}) SET s.published = '2020-02'")
                .execute();
        assertThat(misdated()).isPositive();

        try (var session = driver.session()) {
            Lineage.rebuildAll(
                    (cypher, parameters) -> session.run(cypher, parameters).consume());
        }

        assertThat(misdated()).isZero();
        assertThat(flow("kd-f1").get("knownSince").asString()).isEqualTo("2020-02-29");
    }

    private void record(String id, String source) {
        graphQl.documentName("mutationRecordFlow")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                id,
                                "from",
                                "kd-platform",
                                "to",
                                "kd-vendor",
                                "categories",
                                List.of(Map.of("id", "kd-posts")),
                                "purpose",
                                "COMMERCIAL",
                                "accessMethod",
                                "API",
                                "confidence",
                                "REPORTED",
                                "evidence",
                                List.of(Map.of("source", source, "quote", "row " + id))))
                .execute()
                .errors()
                .verify();
    }

    private void addEvidence(String flowId, String source) {
        graphQl.documentName("mutationAddEvidence")
                .variable("target", flowId)
                .variable("evidence", List.of(Map.of("source", source, "quote", "more on " + flowId)))
                .execute()
                .errors()
                .verify();
    }

    private Value flow(String id) {
        return driver.executableQuery("MATCH (f:DataFlow {id: $id}) RETURN f")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .getFirst()
                .get("f");
    }

    private List<Object> evidenceStamps(String flowId) {
        return driver
                .executableQuery("MATCH (:DataFlow {id: $id})-[e:EVIDENCED_BY]->() RETURN e.recordedAt AS at")
                .withParameters(Map.of("id", flowId))
                .execute()
                .records()
                .stream()
                .map(record ->
                        record.get("at").isNull() ? null : record.get("at").asObject())
                .toList();
    }

    private long misdated() {
        return driver.executableQuery(Lineage.check())
                .execute()
                .records()
                .getFirst()
                .get("misdated")
                .asLong();
    }
}
