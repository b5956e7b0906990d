package org.dataflowatlas.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Stated versus inferred through GraphQL: the seed's marks as the API shows them, and marks written
 * with recordFlow and upsertOrganization. Everything written here has an id starting with
 * {@code inf-}; the class removes those nodes, and the audit entries naming them, before and after it runs.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InferenceGraphQlTest {

    private static final String SENDER = "inf-sender";
    private static final String RECEIVER = "inf-receiver";
    private static final String SOURCE = "inf-source";
    private static final String POSTS = "inf-posts";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @BeforeAll
    void createTheOrganizationsSourceAndCategory() {
        removeTestNodes();
        driver.executableQuery("""
                        MERGE (s:Organization:Platform {id: $sender}) SET s.name = 'INF Sender', s.aliases = [], s.group = false
                        MERGE (r:Organization:Vendor {id: $receiver}) SET r.name = 'INF Receiver', r.aliases = [], r.group = false
                        MERGE (src:Source {id: $source}) SET src.title = 'INF report', src.kind = 'NEWS_REPORT'
                        MERGE (c:DataCategory {id: $posts}) SET c.name = 'INF posts', c.origin = $sender
                        """)
                .withParameters(Map.of("sender", SENDER, "receiver", RECEIVER, "source", SOURCE, "posts", POSTS))
                .execute();
    }

    @AfterAll
    void removeTestNodes() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'inf-' DETACH DELETE n")
                .execute();
        driver.executableQuery("""
                        MATCH (a:AuditEntry) WHERE any(id IN a.ids WHERE id STARTS WITH 'inf-') DELETE a
                        """).execute();
    }

    @Test
    void the_seed_shows_what_the_article_does_not_state_with_the_reasoning() throws Exception {
        var response = graphQl.documentName("inferencesOfTheSeed").execute();

        response.path("flow.confidence").entity(String.class).isEqualTo("REPORTED");
        response.path("flow.inferences[*].field")
                .entityList(String.class)
                .containsExactly("via", "accessMethod", "realTime", "categories", "agreements");
        response.path("flow.inferences[*].reasoning")
                .entityList(String.class)
                .satisfies(reasons ->
                        assertThat(reasons).allSatisfy(r -> assertThat(r).hasSizeGreaterThan(30)));
        response.path("flow.agreements[0].inferences[*].field")
                .entityList(String.class)
                .containsExactly("parties");
        response.path("flow.categories[0].inferences[*].field")
                .entityList(String.class)
                .containsExactly("name");
        // The emails' date is reasoned; the evidence items themselves carry no marks.
        response.path("flow.evidence[?(@.source.id == 'dataminr-secret-service-emails')].source.inferences[*].field")
                .entityList(String.class)
                .containsExactly("published");
        response.path("flow.evidence[*].inferences[*]").entityList(Object.class).hasSize(0);

        response.path("customers.country").entity(String.class).isEqualTo("US");
        response.path("customers.inferences[0].field").entity(String.class).isEqualTo("country");
        response.path("customers.inferences[0].reasoning")
                .entity(String.class)
                .satisfies(r -> assertThat(r).contains("local, state or federal level"));

        response.path("source.published").entity(String.class).isEqualTo("2024");
        response.path("source.inferences[*].field").entityList(String.class).containsExactly("published");
        response.path("source.text").entity(String.class).isEqualTo(Files.readString(Path.of("docs/seed-article.txt")));
        response.path("source.evidences[*].fact[?(@.id == 'supreme-court-declines-x-petition')].inferences[*].field")
                .entityList(String.class)
                .containsExactly("date");
        // Statements the article dates ("in July 2023") carry the date unmarked.
        response.path("source.statements[?(@.id == 'dataminr-contract-gives-full-stream')].date")
                .entityList(String.class)
                .containsExactly("2023-07");
        response.path("source.statements[?(@.id == 'dataminr-contract-gives-full-stream')].inferences[*]")
                .entityList(Object.class)
                .hasSize(0);

        // Traces carry the marks of every hop.
        response.path(
                        "trace.paths[*].flows[?(@.id == 'dataminr-to-us-secret-service-first-alert')].inferences[*].field")
                .entityList(String.class)
                .contains("via", "accessMethod", "realTime");
        response.path("trace.paths[*].flows[?(@.id == 'x-to-dataminr-firehose')].inferences[*]")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void record_flow_stores_the_marks_it_is_given_and_returns_them() {
        var input = flowInput("inf-flow-marked");
        input.put("since", "2023-06");
        input.put("via", Map.of("id", "inf-product", "name", "INF product", "offeredBy", SENDER));
        input.put(
                "inferences",
                List.of(
                        mark("since", "The report says 'last summer'; it was published in 2024."),
                        mark("via", "The product is implied by the vendor's only offering.")));

        var flow = recordFlow(input).execute();

        flow.path("recordFlow.inferences[*].field").entityList(String.class).containsExactly("since", "via");
        flow.path("recordFlow.inferences[0].reasoning")
                .entity(String.class)
                .isEqualTo("The report says 'last summer'; it was published in 2024.");
        var stored = driver.executableQuery(
                        "MATCH (f:DataFlow {id: 'inf-flow-marked'}) RETURN f.inferred AS fields, f.inferredBecause AS reasons")
                .execute()
                .records()
                .getFirst();
        assertThat(stored.get("fields").asList(Value::asString)).containsExactly("since", "via");
        assertThat(stored.get("reasons").asList(Value::asString)).hasSize(2);
    }

    @Test
    void record_flow_without_inferences_keeps_the_marks_and_an_empty_list_clears_them() {
        var marked = flowInput("inf-flow-kept");
        marked.put("inferences", List.of(mark("fact", "Only implied by the vendor's customer list.")));
        recordFlow(marked)
                .execute()
                .path("recordFlow.inferences[0].field")
                .entity(String.class)
                .isEqualTo("fact");

        recordFlow(flowInput("inf-flow-kept"))
                .execute()
                .path("recordFlow.inferences[*].field")
                .entityList(String.class)
                .containsExactly("fact");

        var cleared = flowInput("inf-flow-kept");
        cleared.put("inferences", List.of());
        recordFlow(cleared)
                .execute()
                .path("recordFlow.inferences")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void record_flow_marking_a_field_it_does_not_have_is_rejected_and_writes_nothing() {
        var unknown = flowInput("inf-flow-unknown-field");
        unknown.put("inferences", List.of(mark("sinse", "Typo.")));
        assertRejectedWithoutWriting(
                recordFlow(unknown), "input.inferences[0].field 'sinse' is not a field of this flow", "since", "fact");

        var notGiven = flowInput("inf-flow-not-given");
        notGiven.put("inferences", List.of(mark("until", "It ended, we think.")));
        assertRejectedWithoutWriting(
                recordFlow(notGiven), "input.inferences[0].field 'until' is a value this input does not give");

        var twice = flowInput("inf-flow-twice");
        twice.put("inferences", List.of(mark("purpose", "One reason."), mark("purpose", "Another.")));
        assertRejectedWithoutWriting(recordFlow(twice), "input.inferences[1].field 'purpose' is marked twice");

        var noReason = flowInput("inf-flow-no-reason");
        noReason.put("inferences", List.of(mark("purpose", "  ")));
        assertRejectedWithoutWriting(recordFlow(noReason), "input.inferences[0].reasoning is required");
    }

    @Test
    void upsert_organization_marks_a_value_keeps_the_mark_when_left_out_and_refuses_an_unknown_field() {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", "inf-org");
        input.put("name", "INF Police");
        input.put("country", "US");
        input.put("inferences", List.of(mark("country", "Read from 'state or federal level'.")));
        var created = upsertOrganization(input).execute();
        created.path("upsertOrganization.inferences[0].field")
                .entity(String.class)
                .isEqualTo("country");
        created.path("upsertOrganization.inferences[0].reasoning")
                .entity(String.class)
                .isEqualTo("Read from 'state or federal level'.");

        upsertOrganization(Map.of("id", "inf-org", "name", "INF Police"))
                .execute()
                .path("upsertOrganization.inferences[*].field")
                .entityList(String.class)
                .containsExactly("country");

        assertRejectedWithoutWriting(
                upsertOrganization(Map.of(
                        "id",
                        "inf-org",
                        "name",
                        "INF Police",
                        "inferences",
                        List.of(mark("flowsOut", "Not an input.")))),
                "input.inferences[0].field 'flowsOut' is not a field of this organization",
                "country");
    }

    private GraphQlTester.Request<?> recordFlow(Map<String, Object> input) {
        return graphQl.documentName("inferenceRecordFlow").variable("input", input);
    }

    private GraphQlTester.Request<?> upsertOrganization(Map<String, Object> input) {
        return graphQl.documentName("inferenceUpsertOrganization").variable("input", input);
    }

    private static Map<String, Object> flowInput(String id) {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", id);
        input.put("from", SENDER);
        input.put("to", RECEIVER);
        input.put("categories", List.of(Map.of("id", POSTS)));
        input.put("purpose", "COMMERCIAL");
        input.put("accessMethod", "API");
        input.put("confidence", "REPORTED");
        input.put("evidence", List.of(Map.of("source", SOURCE, "quote", "The vendor buys every post.")));
        return input;
    }

    private static Map<String, String> mark(String field, String reasoning) {
        return Map.of("field", field, "reasoning", reasoning);
    }

    private void assertRejectedWithoutWriting(GraphQlTester.Request<?> request, String... fragments) {
        var before = TestSupport.fingerprint(driver);
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(errors.getFirst().getMessage()).contains(fragments);
        });
        assertThat(TestSupport.fingerprint(driver))
                .as("a rejected mutation writes nothing")
                .isEqualTo(before);
    }
}
