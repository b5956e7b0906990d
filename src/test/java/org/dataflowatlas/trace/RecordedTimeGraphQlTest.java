package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.importer.Importer;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Recorded time ({@code recordedAsOf}): the graph as this database held it at an instant, before and
 * after each kind of write (mutation, import batch, Cypher load), with retractions and ends recorded
 * later shown as they were. The instants are read from the database's clock between the writes.
 * Ids start with {@code rt-}.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
class RecordedTimeGraphQlTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Importer importer;

    @TempDir
    Path work;

    @BeforeEach
    void freshFixture() {
        removeOurs();
        loader.load(new ClassPathResource("fixtures/recorded-time-fixture.cypher"));
    }

    @AfterEach
    void removeOurs() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'rt-' DETACH DELETE n")
                .execute();
    }

    @Test
    void a_flow_recorded_today_and_retracted_after_is_absent_before_present_between_and_gone_after() {
        var beforeRecording = now();
        record("rt-f1", "rt-platform", "rt-vendor");
        var afterRecording = now();
        retract("rt-f1");
        var afterRetraction = now();

        assertThat(reached(Map.of("recordedAsOf", beforeRecording))).isEmpty();
        assertThat(reached(Map.of("recordedAsOf", afterRecording))).containsExactly("rt-vendor");
        assertThat(reached(Map.of("recordedAsOf", afterRetraction))).isEmpty();
        assertThat(reached(Map.of())).isEmpty();
        // Recorded time and known time together: at the instant between, as known in 2024.
        assertThat(reached(Map.of("recordedAsOf", afterRecording, "asKnownOn", "2024")))
                .containsExactly("rt-vendor");
        assertThat(reached(Map.of("recordedAsOf", afterRecording, "asKnownOn", "2023-06")))
                .isEmpty();
    }

    @Test
    void an_end_recorded_later_leaves_the_flow_open_as_it_was() {
        record("rt-f1", "rt-platform", "rt-vendor");
        var beforeEnd = now();
        graphQl.documentName("mutationEndFlow")
                .variable("id", "rt-f1")
                .variable("until", "2024-01")
                .variable("evidence", List.of(Map.of("source", "rt-source", "quote", "it ended")))
                .execute()
                .errors()
                .verify();
        assertThat(reached(Map.of("activeOn", "2025"))).isEmpty();
        assertThat(reached(Map.of("activeOn", "2025", "recordedAsOf", beforeEnd)))
                .containsExactly("rt-vendor");
        assertThat(reached(Map.of("activeOn", "2025", "recordedAsOf", now()))).isEmpty();
    }

    @Test
    void a_cypher_load_is_recorded_when_it_ran() {
        record("rt-f1", "rt-platform", "rt-vendor");
        var beforeLoad = now();
        loader.load(new ClassPathResource("fixtures/recorded-time-load.cypher"));
        var afterLoad = now();

        assertThat(reached(Map.of("recordedAsOf", beforeLoad))).containsExactly("rt-vendor");
        assertThat(reached(Map.of("recordedAsOf", afterLoad))).containsExactly("rt-vendor", "rt-agency");
        assertThat(paths(beforeLoad)).isEmpty();
        assertThat(paths(afterLoad)).containsExactly(List.of("rt-f1", "rt-loaded"));
    }

    @Test
    void an_import_is_recorded_when_its_batch_committed() throws IOException {
        record("rt-f1", "rt-platform", "rt-vendor");
        var beforeImport = now();
        Files.writeString(
                work.resolve("flows.csv"), "id,from,to\nrt-imported,rt-vendor,rt-agency\n", StandardCharsets.UTF_8);
        var mapping = work.resolve("rt.yaml");
        Files.writeString(mapping, """
                name: rt-import
                source:
                  id: rt-import-source
                  title: RT import
                  kind: DATASET
                  published: "2024"
                tables:
                  - file: flows.csv
                    flows:
                      - id: "{id}"
                        from: "{from}"
                        to: "{to}"
                        categories:
                          - {id: rt-posts, name: RT posts, origin: rt-platform}
                        purpose: LAW_ENFORCEMENT
                        accessMethod: API
                        confidence: REPORTED
                        quote: "row {_line}"
                """);
        var progress = new StringWriter();
        var summary = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(summary.failed()).as(progress.toString()).isFalse();
        var afterImport = now();

        assertThat(reached(Map.of("recordedAsOf", beforeImport))).containsExactly("rt-vendor");
        assertThat(reached(Map.of("recordedAsOf", afterImport))).containsExactly("rt-vendor", "rt-agency");
        var listed = graphQl.documentName("flows")
                .variable("filter", Map.of("from", "rt-vendor", "recordedAsOf", beforeImport))
                .execute()
                .path("flows.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(listed).isEmpty();
    }

    @Test
    void policy_conflicts_and_timelines_as_recorded_at_an_instant() {
        record("rt-f1", "rt-platform", "rt-vendor");
        record("rt-f2", "rt-vendor", "rt-agency");
        var beforePolicy = now();
        graphQl.documentName("mutationPublishPolicy")
                .variable(
                        "input",
                        Map.of(
                                "id",
                                "rt-terms",
                                "publisher",
                                "rt-platform",
                                "title",
                                "RT terms",
                                "prohibitedPurposes",
                                List.of("LAW_ENFORCEMENT"),
                                "evidence",
                                List.of(Map.of("source", "rt-source", "quote", "the terms"))))
                .execute()
                .errors()
                .verify();
        var afterPolicy = now();
        graphQl.documentName("mutationRetractPolicy")
                .variable("id", "rt-terms")
                .variable("reason", "not its terms")
                .variable("evidence", List.of(Map.of("source", "rt-correction", "quote", "a correction")))
                .execute()
                .errors()
                .verify();

        assertThat(conflicts(Map.of())).isEmpty();
        assertThat(conflicts(Map.of("recordedAsOf", beforePolicy))).isEmpty();
        assertThat(conflicts(Map.of("recordedAsOf", afterPolicy))).containsExactly("rt-f1", "rt-f2");

        var timelineBefore = graphQl.documentName("timelineAsOf")
                .variable("entity", "rt-agency")
                .variable("recordedAsOf", beforePolicy)
                .execute()
                .path("timeline[*].subject.id")
                .entityList(String.class)
                .get();
        assertThat(timelineBefore).contains("rt-f2");
        var timelineAtFirstWrite = graphQl.documentName("timelineAsOf")
                .variable("entity", "rt-agency")
                .variable("recordedAsOf", "2000-01-01T00:00:00Z")
                .execute()
                .path("timeline")
                .entityList(Object.class)
                .get();
        assertThat(timelineAtFirstWrite).isEmpty();
    }

    @Test
    void trace_changes_over_a_window_name_one_addition_and_one_retraction_with_their_writes() {
        graphQl.documentName("mutationUpsertOrganization")
                .variable("input", Map.of("id", "rt-state", "name", "RT State Police", "kind", "AGENCY"))
                .execute()
                .errors()
                .verify();
        record("rt-f1", "rt-platform", "rt-vendor");
        record("rt-f2", "rt-vendor", "rt-agency");
        var since = now();
        record("rt-f3", "rt-vendor", "rt-state");
        retract("rt-f2");
        var until = now();
        record("rt-f4", "rt-platform", "rt-agency"); // after the window: not part of it

        var response = graphQl.documentName("traceChanges")
                .variables(Map.of("from", "rt-platform", "since", since, "until", until))
                .execute();
        response.path("traceChanges.gained[*].organization.id")
                .entityList(String.class)
                .containsExactly("rt-state");
        response.path("traceChanges.gained[0].causes[*].kind")
                .entityList(String.class)
                .containsExactly("RECORDED");
        response.path("traceChanges.gained[0].causes[0].flow.id")
                .entity(String.class)
                .isEqualTo("rt-f3");
        response.path("traceChanges.gained[0].causes[0].operation")
                .entity(String.class)
                .isEqualTo("recordFlow");
        response.path("traceChanges.lost[*].organization.id")
                .entityList(String.class)
                .containsExactly("rt-agency");
        response.path("traceChanges.lost[0].causes[*].kind")
                .entityList(String.class)
                .containsExactly("RETRACTED");
        response.path("traceChanges.lost[0].causes[0].flow.id")
                .entity(String.class)
                .isEqualTo("rt-f2");
        response.path("traceChanges.lost[0].causes[0].operation")
                .entity(String.class)
                .isEqualTo("retractFlow");
        response.path("traceChanges.gainedPaths[*].path.organizations[*].id")
                .entityList(String.class)
                .containsExactly("rt-platform", "rt-vendor", "rt-state");
        response.path("traceChanges.lostPaths[*].causes[*].flow.id")
                .entityList(String.class)
                .containsExactly("rt-f2");

        // The audit entry named is the one that recorded the flow, in the same transaction.
        var entry = response.path("traceChanges.gained[0].causes[0].auditEntry")
                .entity(String.class)
                .get();
        var at = response.path("traceChanges.gained[0].causes[0].at")
                .entity(String.class)
                .get();
        var audited = driver.executableQuery(
                        "MATCH (a:AuditEntry {id: $id}) RETURN a.operation AS operation, a.ids AS ids, a.at = datetime($at) AS same")
                .withParameters(Map.of("id", entry, "at", at))
                .execute()
                .records()
                .getFirst();
        assertThat(audited.get("ids").asList(value -> value.asString())).contains("rt-f3");
        assertThat(audited.get("same").asBoolean()).isTrue();

        // Up to now, the later flow is gained too, and rt-agency is reached again through it.
        var toNow = graphQl.documentName("traceChanges")
                .variables(Map.of("from", "rt-platform", "since", since))
                .execute();
        toNow.path("traceChanges.gained[*].organization.id")
                .entityList(String.class)
                .containsExactly("rt-state");
        toNow.path("traceChanges.lost").entityList(Object.class).hasSize(0);
        toNow.path("traceChanges.lostPaths[*].causes[*].flow.id")
                .entityList(String.class)
                .containsExactly("rt-f2");
    }

    @Test
    void a_window_that_ends_before_it_starts_is_a_bad_request() {
        graphQl.documentName("traceChanges")
                .variables(
                        Map.of("from", "rt-platform", "since", "2026-12-02T10:00:00Z", "until", "2026-12-01T10:00:00Z"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType())
                            .isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("until", "after since");
                }));
        graphQl.documentName("traceChanges")
                .variables(Map.of("from", "rt-platform", "since", "last Tuesday"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType())
                            .isEqualTo(org.springframework.graphql.execution.ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("since", "2026-12-01T09:30:00Z");
                }));
    }

    @Test
    void the_migration_takes_the_instants_of_older_facts_from_the_audit_trail() throws IOException {
        // An id of its own: the audit trail outlives the nodes other tests remove.
        var id = "rt-migrated-" + System.nanoTime();
        record(id, "rt-platform", "rt-vendor");
        retract(id);
        // As a database from before instants were recorded holds it.
        driver.executableQuery("MATCH (f:DataFlow {id: $id}) REMOVE f.recordedAt, f.retractedAt")
                .withParameters(Map.of("id", id))
                .execute();

        var migration = new ClassPathResource("cypher/schema/V006__recorded_instants.cypher")
                .getContentAsString(StandardCharsets.UTF_8);
        var statements = migration
                .lines()
                .filter(line -> !line.startsWith("//"))
                .reduce("", (text, line) -> text + line + "\n")
                .split(";");
        for (var statement : statements) {
            if (!statement.isBlank()) {
                driver.executableQuery(statement).execute();
            }
        }

        var instants = driver.executableQuery("""
                        MATCH (f:DataFlow {id: $id})
                        RETURN f.recordedAt = COLLECT { MATCH (a:AuditEntry {operation: 'recordFlow'}) WHERE $id IN a.ids
                                                       RETURN a.at }[0] AS recorded,
                               f.retractedAt = COLLECT { MATCH (a:AuditEntry {operation: 'retractFlow'}) WHERE $id IN a.ids
                                                        RETURN a.at }[0] AS retracted,
                               f.recordedAt < f.retractedAt AS ordered""")
                .withParameters(Map.of("id", id))
                .execute()
                .records()
                .getFirst();
        assertThat(instants.get("recorded").asBoolean()).isTrue();
        assertThat(instants.get("retracted").asBoolean()).isTrue();
        assertThat(instants.get("ordered").asBoolean()).isTrue();
    }

    private String now() {
        var instant = driver.executableQuery("RETURN datetime() AS now")
                .execute()
                .records()
                .getFirst()
                .get("now")
                .asZonedDateTime();
        return instant.toOffsetDateTime().toString();
    }

    private void record(String id, String from, String to) {
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
                                List.of(Map.of("id", "rt-posts")),
                                "purpose",
                                "LAW_ENFORCEMENT",
                                "accessMethod",
                                "API",
                                "confidence",
                                "REPORTED",
                                "since",
                                "2019",
                                "evidence",
                                List.of(Map.of("source", "rt-source", "quote", "row " + id))))
                .execute()
                .errors()
                .verify();
    }

    private void retract(String id) {
        graphQl.documentName("mutationRetractFlow")
                .variable("id", id)
                .variable("reason", "mistaken")
                .variable("evidence", List.of(Map.of("source", "rt-correction", "quote", "a correction")))
                .execute()
                .errors()
                .verify();
    }

    private List<String> reached(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", "rt-platform");
        return graphQl.documentName("traceAsOf")
                .variables(all)
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
    }

    private List<List<String>> paths(String recordedAsOf) {
        var response = graphQl.documentName("pathsAsOf")
                .variables(Map.of("from", "rt-platform", "to", "rt-agency", "recordedAsOf", recordedAsOf))
                .execute();
        int count = response.path("paths").entityList(Object.class).get().size();
        var paths = new java.util.ArrayList<List<String>>();
        for (int i = 0; i < count; i++) {
            paths.add(response.path("paths[" + i + "].flows[*].id")
                    .entityList(String.class)
                    .get());
        }
        return paths;
    }

    private List<String> conflicts(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("platform", "rt-platform");
        return graphQl.documentName("policyConflictsAsOf")
                .variables(all)
                .execute()
                .path("policyConflicts[*].flow.id")
                .entityList(String.class)
                .get();
    }
}
