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
        driver.executableQuery(
                        "MATCH (n) WHERE n.id STARTS WITH 'rt-' OR (n:Revision AND n.of STARTS WITH 'rt-') DETACH DELETE n")
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
    void a_second_end_recorded_later_leaves_the_first_as_it_was() {
        record("rt-f1", "rt-platform", "rt-vendor");
        var beforeEnds = now();
        end("rt-f1", "2024-01");
        var afterFirstEnd = now();
        end("rt-f1", "2022");

        assertThat(reached(Map.of("activeOn", "2023"))).as("ended in 2022").isEmpty();
        assertThat(reached(Map.of("activeOn", "2023", "recordedAsOf", afterFirstEnd)))
                .as("ended in 2024-01, as recorded before the second end")
                .containsExactly("rt-vendor");
        assertThat(reached(Map.of("activeOn", "2025", "recordedAsOf", afterFirstEnd)))
                .as("the first end held at that instant")
                .isEmpty();
        assertThat(reached(Map.of("activeOn", "2025", "recordedAsOf", beforeEnds)))
                .as("open before either end was recorded")
                .containsExactly("rt-vendor");
        var timeline = graphQl.documentName("timelineAsRecorded")
                .variables(Map.of("entity", "rt-f1", "recordedAsOf", afterFirstEnd))
                .execute();
        timeline.path("timeline[?(@.kind == 'FLOW_END')].date")
                .entityList(String.class)
                .containsExactly("2024-01");
        timeline.path("timeline[?(@.kind == 'FLOW_END')].subject.until")
                .entityList(String.class)
                .containsExactly("2024-01");
        graphQl.documentName("timelineAsRecorded")
                .variables(Map.of("entity", "rt-f1"))
                .execute()
                .path("timeline[?(@.kind == 'FLOW_END')].date")
                .entityList(String.class)
                .containsExactly("2022");
        assertThat(revisions("DataFlow", "rt-f1"))
                .as("one revision: the first end needed none")
                .isEqualTo(1);
    }

    @Test
    void an_import_that_corrects_a_flow_keeps_what_it_said_before() throws IOException {
        importFlow("LAW_ENFORCEMENT");
        var beforeCorrection = now();
        importFlow("COMMERCIAL");
        importFlow("COMMERCIAL"); // the same rows again change nothing, and keep nothing more

        var lawEnforcement = Map.<String, Object>of("purposes", List.of("LAW_ENFORCEMENT"));
        var then = new HashMap<String, Object>(lawEnforcement);
        then.put("recordedAsOf", beforeCorrection);
        assertThat(reachedAsRecorded(then, "rt-vendor")).containsExactly("rt-agency");
        assertThat(reachedAsRecorded(lawEnforcement, "rt-vendor")).isEmpty();
        assertThat(revisions("DataFlow", "rt-imported"))
                .as("revisions of the flow the second import corrected")
                .isEqualTo(1);
    }

    /** How many revisions the fact with this label and id has kept. */
    private long revisions(String label, String id) {
        return driver.executableQuery(
                        "MATCH (fact {id: $id}) WHERE $label IN labels(fact) RETURN COUNT { (fact)-[:REVISED]->(:Revision) } AS n")
                .withParameters(Map.of("label", label, "id", id))
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    /** Imports rt-imported (rt-vendor → rt-agency) for a purpose. */
    private void importFlow(String purpose) throws IOException {
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
                        purpose: %s
                        accessMethod: API
                        confidence: REPORTED
                        quote: "row {_line}"
                """.formatted(purpose));
        var progress = new StringWriter();
        var summary = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(summary.failed()).as(progress.toString()).isFalse();
    }

    private void end(String id, String until) {
        graphQl.documentName("mutationEndFlow")
                .variable("id", id)
                .variable("until", until)
                .variable("evidence", List.of(Map.of("source", "rt-source", "quote", "it ended " + until)))
                .execute()
                .errors()
                .verify();
    }

    @Test
    void corrections_recorded_later_leave_the_flow_and_the_organization_as_they_were() {
        record("rt-f1", "rt-platform", "rt-vendor");
        graphQl.documentName("mutationPublishPolicy")
                .variable(
                        "input",
                        Map.of(
                                "id", "rt-terms",
                                "publisher", "rt-platform",
                                "title", "RT terms",
                                "prohibitedPurposes", List.of("LAW_ENFORCEMENT"),
                                "evidence", List.of(Map.of("source", "rt-source", "quote", "the terms"))))
                .execute()
                .errors()
                .verify();
        var beforeCorrection = now();
        correct();
        correct(); // the same correction again keeps nothing more: it changes nothing

        var then = traceAsRecorded(Map.of("recordedAsOf", beforeCorrection));
        then.path("trace.reached[*].organization.name").entityList(String.class).containsExactly("RT Vendor");
        then.path("trace.reached[0].organization.kind").entity(String.class).isEqualTo("VENDOR");
        then.path("trace.paths[0].flows[0].purpose").entity(String.class).isEqualTo("LAW_ENFORCEMENT");
        then.path("trace.paths[0].flows[0].confidence").entity(String.class).isEqualTo("REPORTED");
        then.path("trace.paths[0].flows[0].since").entity(String.class).isEqualTo("2019");
        then.path("trace.paths[0].flows[0].to.name").entity(String.class).isEqualTo("RT Vendor");
        then.path("trace.paths[0].flows[0].to.kind").entity(String.class).isEqualTo("VENDOR");
        for (var current : List.of(Map.<String, Object>of(), Map.<String, Object>of("recordedAsOf", now()))) {
            var response = traceAsRecorded(current);
            response.path("trace.reached[*].organization.name")
                    .entityList(String.class)
                    .containsExactly("RT Vendor Corrected");
            response.path("trace.reached[0].organization.kind")
                    .entity(String.class)
                    .isEqualTo("COMPANY");
            response.path("trace.paths[0].flows[0].purpose")
                    .entity(String.class)
                    .isEqualTo("COMMERCIAL");
            response.path("trace.paths[0].flows[0].confidence")
                    .entity(String.class)
                    .isEqualTo("CONFIRMED");
            response.path("trace.paths[0].flows[0].since").entity(String.class).isEqualTo("2021");
        }

        // Every filter reads the fields as they were at the instant.
        var filters = List.<Map<String, Object>>of(
                Map.of("purposes", List.of("LAW_ENFORCEMENT")),
                Map.of("toKinds", List.of("VENDOR")),
                Map.of("activeOn", "2020"));
        for (var filter : filters) {
            var atThen = new HashMap<String, Object>(filter);
            atThen.put("recordedAsOf", beforeCorrection);
            assertThat(reachedAsRecorded(atThen))
                    .as("%s before the correction", filter)
                    .containsExactly("rt-vendor");
            assertThat(reachedAsRecorded(filter)).as("%s now", filter).isEmpty();
        }
        assertThat(reachedAsRecorded(Map.of("minConfidence", "CONFIRMED", "recordedAsOf", beforeCorrection)))
                .isEmpty();
        assertThat(reachedAsRecorded(Map.of("minConfidence", "CONFIRMED"))).containsExactly("rt-vendor");

        var paths = graphQl.documentName("pathsAsRecorded")
                .variables(Map.of("from", "rt-platform", "to", "rt-vendor", "recordedAsOf", beforeCorrection))
                .execute();
        paths.path("paths[0].organizations[*].name")
                .entityList(String.class)
                .containsExactly("RT Platform", "RT Vendor");
        paths.path("paths[0].flows[0].purpose").entity(String.class).isEqualTo("LAW_ENFORCEMENT");
        paths.path("paths[0].flows[0].to.name").entity(String.class).isEqualTo("RT Vendor");

        var listed = graphQl.documentName("flowsAsRecorded")
                .variable(
                        "filter",
                        Map.of(
                                "from",
                                "rt-platform",
                                "purposes",
                                List.of("LAW_ENFORCEMENT"),
                                "recordedAsOf",
                                beforeCorrection))
                .execute();
        listed.path("flows.edges[*].node.id").entityList(String.class).containsExactly("rt-f1");
        listed.path("flows.edges[0].node.confidence").entity(String.class).isEqualTo("REPORTED");
        listed.path("flows.edges[0].node.to.name").entity(String.class).isEqualTo("RT Vendor");
        listed.path("flows.edges[0].node.to.kind").entity(String.class).isEqualTo("VENDOR");
        graphQl.documentName("flowsAsRecorded")
                .variable("filter", Map.of("from", "rt-platform", "purposes", List.of("LAW_ENFORCEMENT")))
                .execute()
                .path("flows.edges")
                .entityList(Object.class)
                .hasSize(0);

        // The terms prohibit the purpose the flow had before its correction.
        assertThat(conflicts(Map.of("recordedAsOf", beforeCorrection))).containsExactly("rt-f1");
        assertThat(conflicts(Map.of())).isEmpty();

        var timelineThen = graphQl.documentName("timelineAsRecorded")
                .variables(Map.of("entity", "rt-f1", "recordedAsOf", beforeCorrection))
                .execute();
        timelineThen
                .path("timeline[?(@.kind == 'FLOW_START')].date")
                .entityList(String.class)
                .containsExactly("2019");
        timelineThen
                .path("timeline[?(@.kind == 'FLOW_START')].title")
                .entityList(String.class)
                .containsExactly("RT Platform → RT Vendor (LAW_ENFORCEMENT) begins");
        timelineThen
                .path("timeline[?(@.kind == 'FLOW_START')].subject.purpose")
                .entityList(String.class)
                .containsExactly("LAW_ENFORCEMENT");
        graphQl.documentName("timelineAsRecorded")
                .variables(Map.of("entity", "rt-f1"))
                .execute()
                .path("timeline[?(@.kind == 'FLOW_START')].title")
                .entityList(String.class)
                .containsExactly("RT Platform → RT Vendor Corrected (COMMERCIAL) begins");

        assertThat(revisions("DataFlow", "rt-f1"))
                .as("revisions of the corrected flow")
                .isEqualTo(1);
        assertThat(revisions("Organization", "rt-vendor"))
                .as("revisions of the renamed organization")
                .isEqualTo(1);
        assertThat(revisions("Organization", "rt-platform")).isZero();
    }

    /** rt-f1 for another purpose, at another confidence, since later; rt-vendor renamed and re-kinded. */
    private void correct() {
        graphQl.documentName("mutationRecordFlow")
                .variable(
                        "input",
                        Map.of(
                                "id", "rt-f1",
                                "from", "rt-platform",
                                "to", "rt-vendor",
                                "categories", List.of(Map.of("id", "rt-posts")),
                                "purpose", "COMMERCIAL",
                                "accessMethod", "API",
                                "confidence", "CONFIRMED",
                                "since", "2021",
                                "evidence", List.of(Map.of("source", "rt-correction", "quote", "corrected"))))
                .execute()
                .errors()
                .verify();
        graphQl.documentName("mutationUpsertOrganization")
                .variable("input", Map.of("id", "rt-vendor", "name", "RT Vendor Corrected", "kind", "COMPANY"))
                .execute()
                .errors()
                .verify();
    }

    private GraphQlTester.Response traceAsRecorded(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", "rt-platform");
        return graphQl.documentName("traceAsRecorded").variables(all).execute();
    }

    private List<String> reachedAsRecorded(Map<String, Object> variables) {
        return reachedAsRecorded(variables, "rt-platform");
    }

    private List<String> reachedAsRecorded(Map<String, Object> variables, String from) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", from);
        return graphQl.documentName("traceAsRecorded")
                .variables(all)
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
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
        importFlow("LAW_ENFORCEMENT");
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
