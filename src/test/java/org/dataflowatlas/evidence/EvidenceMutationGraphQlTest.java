package org.dataflowatlas.evidence;

import static org.dataflowatlas.MutationChecks.evidence;
import static org.dataflowatlas.MutationChecks.rejectedWithoutWriting;
import static org.dataflowatlas.MutationChecks.secondSendChangesNothing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.MutationChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * recordEvent, recordStatement, recordCitation and their retractions against the real embedded
 * Neo4j. Every id starts with {@code em-}; the class removes those nodes (and their audit entries)
 * before and after it runs.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvidenceMutationGraphQlTest {

    private static final String ORG = "em-org";
    private static final String PERSON = "em-person";
    private static final String REPORT = "em-report";
    private static final String EMAILS = "em-emails";
    private static final String FLOW = "em-org-to-other";
    private static final String SAID = "We do not sell to the police";
    private static final String REPORT_QUOTE =
            "“We do not sell to the police”, the spokesperson told reporters in March.";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @BeforeAll
    void createAnOrganizationAPersonAFlowAndSources() {
        MutationChecks.removeTestNodes(driver, "em-");
        driver.executableQuery("""
                        MERGE (o:Organization:Vendor {id: 'em-org'}) SET o.name = 'EM Vendor', o.aliases = [], o.group = false
                        MERGE (t:Organization:Agency {id: 'em-other'}) SET t.name = 'EM Agency', t.aliases = [], t.group = false
                        MERGE (p:Person {id: 'em-person'}) SET p.name = 'EM Spokesperson'
                        MERGE (r:Source {id: 'em-report'}) SET r.title = 'EM report', r.kind = 'NEWS_REPORT'
                        MERGE (e:Source {id: 'em-emails'}) SET e.title = 'EM emails', e.kind = 'EMAIL'
                        MERGE (c:DataCategory {id: 'em-posts'}) SET c.name = 'EM posts'
                        MERGE (f:DataFlow {id: 'em-org-to-other'})
                          SET f.purpose = 'LAW_ENFORCEMENT', f.accessMethod = 'API', f.realTime = false, f.confidence = 'REPORTED'
                        MERGE (o)-[:SENDS]->(f)-[:TO]->(t)
                        MERGE (f)-[:CARRIES]->(c)
                        MERGE (f)-[:EVIDENCED_BY {quote: 'The agency receives posts.'}]->(r)
                        """).execute();
    }

    @AfterAll
    void removeTestNodes() {
        MutationChecks.removeTestNodes(driver, "em-");
    }

    // recordEvent

    @Test
    void record_event_writes_what_happened_what_it_involves_and_its_evidence() {
        var response = recordEvent(eventInput("em-event-recorded")).execute();

        response.path("recordEvent.title").entity(String.class).isEqualTo("EM confirms the feed (em-event-recorded)");
        response.path("recordEvent.date").entity(String.class).isEqualTo("2023-07");
        response.path("recordEvent.involves[*].id").entityList(String.class).containsExactly(ORG, FLOW, PERSON);
        response.path("recordEvent.involves[*].__typename")
                .entityList(String.class)
                .containsExactly("Organization", "DataFlow", "Person");
        response.path("recordEvent.evidence[0].source.id").entity(String.class).isEqualTo(EMAILS);
        response.path("recordEvent.retracted").entity(Boolean.class).isEqualTo(false);
        views("em-event-recorded", "em-none", ORG)
                .path("timeline[*].title")
                .entityList(String.class)
                .contains("EM confirms the feed (em-event-recorded)");
    }

    @Test
    void record_event_sent_twice_changes_nothing_the_second_time() {
        secondSendChangesNothing(driver, recordEvent(eventInput("em-event-twice")));
    }

    @Test
    void record_event_involving_an_unknown_id_or_without_evidence_is_refused_and_writes_nothing() {
        var unknown = eventInput("em-event-bad");
        unknown.put("involves", List.of(ORG, "em-no-such-thing"));
        rejectedWithoutWriting(driver, recordEvent(unknown), ErrorType.NOT_FOUND, "input.involves", "em-no-such-thing");

        var noEvidence = eventInput("em-event-bad");
        noEvidence.put("evidence", List.of());
        rejectedWithoutWriting(driver, recordEvent(noEvidence), ErrorType.BAD_REQUEST, "input.evidence");
    }

    @Test
    void record_event_involving_an_id_two_kinds_of_entity_share_is_refused_as_ambiguous() {
        driver.executableQuery("MERGE (p:Product {id: 'em-org'}) SET p.name = 'EM product named like the vendor'")
                .execute();
        try {
            rejectedWithoutWriting(
                    driver,
                    recordEvent(eventInput("em-event-ambiguous")),
                    ErrorType.BAD_REQUEST,
                    "'em-org'",
                    "ambiguous");
        } finally {
            driver.executableQuery("MATCH (p:Product {id: 'em-org'}) DETACH DELETE p")
                    .execute();
        }
    }

    @Test
    void retract_event_keeps_it_marked_and_the_timeline_leaves_it_out() {
        recordEvent(eventInput("em-event-retracted")).execute().errors().verify();
        views("em-event-retracted", "em-none", PERSON)
                .path("timeline[*].title")
                .entityList(String.class)
                .contains("EM confirms the feed (em-event-retracted)");

        var response = retractEvent(
                        "em-event-retracted",
                        "It never happened.",
                        List.of(evidence(REPORT, "The report was withdrawn.")))
                .execute();

        response.path("retractEvent.retracted").entity(Boolean.class).isEqualTo(true);
        response.path("retractEvent.retraction.reason").entity(String.class).isEqualTo("It never happened.");
        response.path("retractEvent.retraction.evidence[0].quote")
                .entity(String.class)
                .isEqualTo("The report was withdrawn.");
        response.path("retractEvent.evidence[0].source.id").entity(String.class).isEqualTo(EMAILS);
        var views = views("em-event-retracted", "em-none", PERSON);
        views.path("event.retracted").entity(Boolean.class).isEqualTo(true);
        views.path("event.retraction.reason").entity(String.class).isEqualTo("It never happened.");
        views.path("timeline[*].title")
                .entityList(String.class)
                .doesNotContain("EM confirms the feed (em-event-retracted)");
        rejectedWithoutWriting(
                driver,
                retractEvent("em-no-such-event", "r", List.of(evidence(REPORT, "q"))),
                ErrorType.NOT_FOUND,
                "em-no-such-event");
        MutationChecks.removeTestNodes(driver, "em-event-retracted");
    }

    // recordStatement

    @Test
    void record_statement_writes_the_words_the_speaker_the_subjects_and_the_reporting_passage() {
        var response = recordStatement(statementInput("em-statement-recorded")).execute();

        response.path("recordStatement.text").entity(String.class).isEqualTo(SAID);
        response.path("recordStatement.date").entity(String.class).isEqualTo("2024-03");
        response.path("recordStatement.paraphrase").entity(Boolean.class).isEqualTo(false);
        response.path("recordStatement.by.__typename").entity(String.class).isEqualTo("Person");
        response.path("recordStatement.by.id").entity(String.class).isEqualTo(PERSON);
        response.path("recordStatement.about[*].id").entityList(String.class).containsExactly(ORG);
        response.path("recordStatement.reportedIn[*].id")
                .entityList(String.class)
                .containsExactly(REPORT);
        response.path("recordStatement.evidence[0].quote").entity(String.class).isEqualTo(REPORT_QUOTE);
        views("em-none", "em-statement-recorded", PERSON)
                .path("timeline[*].title")
                .entityList(String.class)
                .contains(SAID);
    }

    @Test
    void record_statement_sent_twice_changes_nothing_the_second_time() {
        secondSendChangesNothing(driver, recordStatement(statementInput("em-statement-twice")));
    }

    @Test
    void record_statement_whose_words_the_passage_does_not_contain_is_refused_unless_a_paraphrase() {
        var spliced = statementInput("em-statement-spliced");
        spliced.put("text", "We do not sell … to anyone");
        rejectedWithoutWriting(
                driver,
                recordStatement(spliced),
                ErrorType.BAD_REQUEST,
                "input.reportedIn[0].quote",
                "word for word",
                "paraphrase: true");

        spliced.put("paraphrase", true);
        recordStatement(spliced)
                .execute()
                .path("recordStatement.paraphrase")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void record_statement_by_an_unknown_speaker_or_for_another_speakers_id_is_refused_and_writes_nothing() {
        var unknown = statementInput("em-statement-bad");
        unknown.put("by", "em-nobody");
        rejectedWithoutWriting(driver, recordStatement(unknown), ErrorType.NOT_FOUND, "input.by", "em-nobody");

        recordStatement(statementInput("em-statement-taken")).execute().errors().verify();
        var other = statementInput("em-statement-taken");
        other.put("by", ORG);
        rejectedWithoutWriting(
                driver, recordStatement(other), ErrorType.BAD_REQUEST, "already a statement by 'em-person'");

        var noSource = statementInput("em-statement-bad");
        noSource.put("reportedIn", List.of());
        rejectedWithoutWriting(driver, recordStatement(noSource), ErrorType.BAD_REQUEST, "input.reportedIn");
    }

    @Test
    void retract_statement_keeps_it_marked_and_the_timeline_leaves_it_out() {
        var retractable = statementInput("em-statement-retracted");
        retractable.put("about", List.of("em-other"));
        recordStatement(retractable).execute().errors().verify();
        views("em-none", "em-statement-retracted", "em-other")
                .path("timeline[*].kind")
                .entityList(String.class)
                .contains("STATEMENT");

        var response = retractStatement(
                        "em-statement-retracted",
                        "Said by someone else.",
                        List.of(evidence(EMAILS, "The words were the lawyer's.")))
                .execute();

        response.path("retractStatement.retracted").entity(Boolean.class).isEqualTo(true);
        response.path("retractStatement.retraction.reason").entity(String.class).isEqualTo("Said by someone else.");
        var views = views("em-none", "em-statement-retracted", "em-other");
        views.path("statement.retracted").entity(Boolean.class).isEqualTo(true);
        views.path("timeline[*].kind").entityList(String.class).doesNotContain("STATEMENT");
        MutationChecks.removeTestNodes(driver, "em-statement-retracted");
    }

    // citations

    @Test
    void record_citation_links_the_sources_and_retract_citation_withdraws_the_link_keeping_it() {
        var cited = recordCitation(REPORT, List.of(EMAILS)).execute();
        cited.path("recordCitation.cites[*].id").entityList(String.class).containsExactly(EMAILS);

        var response = retractCitation(
                        REPORT,
                        EMAILS,
                        "The report never saw the emails.",
                        List.of(evidence(REPORT, "We have not seen them.")))
                .execute();

        response.path("retractCitation.type").entity(String.class).isEqualTo("CITES");
        response.path("retractCitation.from.id").entity(String.class).isEqualTo(REPORT);
        response.path("retractCitation.from.cites").entityList(Object.class).hasSize(0);
        response.path("retractCitation.to.citedBy").entityList(Object.class).hasSize(0);
        response.path("retractCitation.retraction.reason")
                .entity(String.class)
                .isEqualTo("The report never saw the emails.");
        response.path("retractCitation.retraction.evidence[0].quote")
                .entity(String.class)
                .isEqualTo("We have not seen them.");
        org.assertj.core.api.Assertions.assertThat(MutationChecks.strings(
                        driver,
                        "MATCH (:Source {id: $a})-[r:RETRACTED]->(:Source {id: $b}) RETURN r.type + ': ' + r.retractionReason AS v",
                        Map.of("a", REPORT, "b", EMAILS)))
                .as("kept in the graph, marked")
                .containsExactly("CITES: The report never saw the emails.");
        secondSendChangesNothing(driver, recordCitation(REPORT, List.of(EMAILS)));
    }

    @Test
    void record_citation_of_itself_or_of_an_unknown_source_is_refused_and_retracting_a_missing_one_is_not_found() {
        rejectedWithoutWriting(
                driver, recordCitation(REPORT, List.of(REPORT)), ErrorType.BAD_REQUEST, "cannot cite itself");
        rejectedWithoutWriting(
                driver, recordCitation(REPORT, List.of("em-no-such-source")), ErrorType.NOT_FOUND, "em-no-such-source");
        rejectedWithoutWriting(
                driver,
                retractCitation(EMAILS, REPORT, "r", List.of(evidence(REPORT, "q"))),
                ErrorType.NOT_FOUND,
                "No citation of 'em-report' by 'em-emails'");
    }

    // helpers

    private static LinkedHashMap<String, Object> eventInput(String id) {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", id);
        input.put("title", "EM confirms the feed (" + id + ")");
        input.put("date", "2023-07");
        input.put("involves", List.of(ORG, PERSON, FLOW));
        input.put("evidence", List.of(evidence(EMAILS, "EM confirmed in July 2023 that the feed runs.")));
        return input;
    }

    private static LinkedHashMap<String, Object> statementInput(String id) {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", id);
        input.put("by", PERSON);
        input.put("text", SAID);
        input.put("date", "2024-03");
        input.put("about", List.of(ORG));
        input.put("reportedIn", List.of(evidence(REPORT, REPORT_QUOTE)));
        return input;
    }

    private GraphQlTester.Response views(String event, String statement, String entity) {
        return graphQl.documentName("evidenceViews")
                .variable("event", event)
                .variable("statement", statement)
                .variable("entity", entity)
                .execute();
    }

    private GraphQlTester.Request<?> recordEvent(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordEvent").variable("input", input);
    }

    private GraphQlTester.Request<?> retractEvent(String id, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractEvent")
                .variable("id", id)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> recordStatement(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordStatement").variable("input", input);
    }

    private GraphQlTester.Request<?> retractStatement(String id, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractStatement")
                .variable("id", id)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> recordCitation(String source, List<String> cites) {
        return graphQl.documentName("mutationRecordCitation")
                .variable("source", source)
                .variable("cites", cites);
    }

    private GraphQlTester.Request<?> retractCitation(
            String source, String cited, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractCitation")
                .variable("source", source)
                .variable("cited", cited)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }
}
