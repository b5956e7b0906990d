package org.dataflowatlas.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * Every mutation of the schema against the real embedded Neo4j: what it writes, that sending it
 * again changes nothing, and that each invalid input is refused with an error naming the field
 * and without writing anything. Everything here has an id starting with {@code mt-}; the class
 * removes those nodes before and after it runs, so the seed other classes assert on stays as it was.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MutationGraphQlTest {

    private static final String PLATFORM = "mt-platform";
    private static final String VENDOR = "mt-vendor";
    private static final String AGENCY = "mt-agency";
    private static final String POSTS = "mt-posts";
    private static final String REPORT = "mt-report";
    private static final String EMAILS = "mt-emails";
    private static final String REPORT_QUOTE = "The vendor receives every public post in real time.";
    private static final String EMAIL_QUOTE = "We have stopped sending the feed as of June.";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @LocalServerPort
    int port;

    @BeforeAll
    void createTheOrganizationsSourcesAndCategoryTheTestsShare() {
        removeTestNodes();
        loader.load(new ClassPathResource("fixtures/mutation-fixture.cypher"));
    }

    @AfterAll
    void removeTestNodes() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'mt-' DETACH DELETE n")
                .execute();
    }

    // upsertOrganization

    @Test
    void upsert_organization_creates_an_organization_with_every_field_given() {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", "mt-org-created");
        input.put("name", "MT County Police");
        input.put("kind", "AGENCY");
        input.put("aliases", List.of("MTCP", "County Police"));
        input.put("country", "US");
        input.put("jurisdiction", "LOCAL");
        input.put("description", "A police department.");
        input.put("group", true);
        input.put("estimatedSize", "a handful");

        var response = upsertOrganization(input).execute();

        response.path("upsertOrganization.id").entity(String.class).isEqualTo("mt-org-created");
        response.path("upsertOrganization.name").entity(String.class).isEqualTo("MT County Police");
        response.path("upsertOrganization.kind").entity(String.class).isEqualTo("AGENCY");
        response.path("upsertOrganization.aliases").entityList(String.class).containsExactly("MTCP", "County Police");
        response.path("upsertOrganization.country").entity(String.class).isEqualTo("US");
        response.path("upsertOrganization.jurisdiction").entity(String.class).isEqualTo("LOCAL");
        response.path("upsertOrganization.description").entity(String.class).isEqualTo("A police department.");
        response.path("upsertOrganization.group").entity(Boolean.class).isEqualTo(true);
        response.path("upsertOrganization.estimatedSize").entity(String.class).isEqualTo("a handful");
        assertThat(strings("MATCH (o:Organization {id: $id}) UNWIND labels(o) AS v RETURN v", "mt-org-created"))
                .containsExactlyInAnyOrder("Organization", "Agency");
    }

    @Test
    void upsert_organization_again_keeps_absent_fields_and_replaces_the_kind() {
        var first = new LinkedHashMap<String, Object>();
        first.put("id", "mt-org-updated");
        first.put("name", "MT Old Name");
        first.put("kind", "VENDOR");
        first.put("aliases", List.of("MTO"));
        first.put("country", "DE");
        first.put("description", "Sells data.");
        upsertOrganization(first)
                .execute()
                .path("upsertOrganization.kind")
                .entity(String.class)
                .isEqualTo("VENDOR");

        var response = upsertOrganization(Map.of("id", "mt-org-updated", "name", "MT New Name", "kind", "COMPANY"))
                .execute();

        response.path("upsertOrganization.name").entity(String.class).isEqualTo("MT New Name");
        response.path("upsertOrganization.kind").entity(String.class).isEqualTo("COMPANY");
        response.path("upsertOrganization.aliases").entityList(String.class).containsExactly("MTO");
        response.path("upsertOrganization.country").entity(String.class).isEqualTo("DE");
        response.path("upsertOrganization.description").entity(String.class).isEqualTo("Sells data.");
        assertThat(strings("MATCH (o:Organization {id: $id}) UNWIND labels(o) AS v RETURN v", "mt-org-updated"))
                .containsExactlyInAnyOrder("Organization", "Company");
    }

    @Test
    void upsert_organization_sent_twice_changes_nothing_the_second_time() {
        var input = Map.<String, Object>of(
                "id", "mt-org-twice", "name", "MT Twice", "kind", "PUBLISHER", "aliases", List.of("Twice"));
        assertSecondSendChangesNothing(upsertOrganization(input));
    }

    @Test
    void upsert_organization_with_a_blank_name_is_rejected_and_writes_nothing() {
        assertRejectedWithoutWriting(
                upsertOrganization(Map.of("id", "mt-org-blank", "name", "   ")), ErrorType.BAD_REQUEST, "input.name");
    }

    @Test
    void upsert_organization_with_an_invalid_id_is_rejected_and_writes_nothing() {
        assertRejectedWithoutWriting(
                upsertOrganization(Map.of("id", "Bad Id!", "name", "MT Bad")),
                ErrorType.BAD_REQUEST,
                "input.id",
                "Bad Id!");
    }

    @Test
    void a_rejected_mutation_carries_its_classification_in_the_error_extensions_over_http() throws Exception {
        var before = TestSupport.fingerprint(driver);
        var body = """
                {"query": "mutation { upsertOrganization(input: {id: \\"mt-org-http\\", name: \\" \\"}) { id } }"}
                """;
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TestSupport.EDITOR_KEY)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"classification\":\"BAD_REQUEST\"")
                .contains("input.name")
                .doesNotContain("\"id\":\"mt-org-http\"");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    // addSource

    @Test
    void add_source_creates_a_source_with_its_publisher_and_citations() {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", "mt-source-created");
        input.put("title", "MT investigation");
        input.put("kind", "NEWS_REPORT");
        input.put("url", "https://example.org/mt/investigation");
        input.put("published", "2024-03");
        input.put("description", "Obtained through a records request.");
        input.put("publishedBy", PLATFORM);
        input.put("cites", List.of(REPORT, EMAILS));

        var response = addSource(input).execute();

        response.path("addSource.id").entity(String.class).isEqualTo("mt-source-created");
        response.path("addSource.title").entity(String.class).isEqualTo("MT investigation");
        response.path("addSource.kind").entity(String.class).isEqualTo("NEWS_REPORT");
        response.path("addSource.url").entity(String.class).isEqualTo("https://example.org/mt/investigation");
        response.path("addSource.published").entity(String.class).isEqualTo("2024-03");
        response.path("addSource.description").entity(String.class).isEqualTo("Obtained through a records request.");
        response.path("addSource.publisher.id").entity(String.class).isEqualTo(PLATFORM);
        response.path("addSource.cites[*].id")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT, EMAILS));
    }

    @Test
    void add_source_again_without_optional_fields_keeps_them() {
        addSource(Map.of(
                        "id", "mt-source-kept",
                        "title", "MT first title",
                        "kind", "EMAIL",
                        "url", "http://example.org/mt/kept",
                        "published", "2022"))
                .execute()
                .path("addSource.id")
                .entity(String.class)
                .isEqualTo("mt-source-kept");

        var response = addSource(Map.of("id", "mt-source-kept", "title", "MT second title", "kind", "FOIA_RECORD"))
                .execute();

        response.path("addSource.title").entity(String.class).isEqualTo("MT second title");
        response.path("addSource.kind").entity(String.class).isEqualTo("FOIA_RECORD");
        response.path("addSource.url").entity(String.class).isEqualTo("http://example.org/mt/kept");
        response.path("addSource.published").entity(String.class).isEqualTo("2022");
    }

    @Test
    void add_source_sent_twice_changes_nothing_the_second_time() {
        var input = Map.<String, Object>of(
                "id", "mt-source-twice",
                "title", "MT twice",
                "kind", "DATASET",
                "url", "https://example.org/mt/twice.csv",
                "publishedBy", VENDOR,
                "cites", List.of(REPORT));
        assertSecondSendChangesNothing(addSource(input));
    }

    @Test
    void add_source_with_a_non_http_url_is_rejected_and_writes_nothing() {
        assertRejectedWithoutWriting(
                addSource(Map.of(
                        "id",
                        "mt-source-ftp",
                        "title",
                        "MT ftp",
                        "kind",
                        "DATASET",
                        "url",
                        "ftp://example.org/mt.csv")),
                ErrorType.BAD_REQUEST,
                "input.url",
                "ftp://example.org/mt.csv");
    }

    @Test
    void add_source_citing_an_unknown_source_is_not_found_and_writes_nothing() {
        assertRejectedWithoutWriting(
                addSource(Map.of(
                        "id",
                        "mt-source-citing",
                        "title",
                        "MT citing",
                        "kind",
                        "NEWS_REPORT",
                        "cites",
                        List.of("mt-no-such-source"))),
                ErrorType.NOT_FOUND,
                "mt-no-such-source");
    }

    // recordFlow

    @Test
    void record_flow_returns_the_flow_with_its_ends_categories_product_and_evidence() {
        var input = flowInput("mt-flow-happy", VENDOR, AGENCY);
        input.put(
                "categories",
                List.of(
                        Map.of("id", "mt-happy-raw", "name", "MT raw posts", "origin", PLATFORM),
                        Map.of(
                                "id", "mt-happy-digest",
                                "name", "MT digests",
                                "origin", PLATFORM,
                                "description", "Digests of posts.",
                                "derivedFrom", List.of("mt-happy-raw", POSTS))));
        input.put(
                "via",
                Map.of(
                        "id", "mt-happy-feed",
                        "name", "MT Feed",
                        "description", "Alerts.",
                        "offeredBy", VENDOR));
        input.put("purpose", "LAW_ENFORCEMENT");
        input.put("accessMethod", "ALERTS");
        input.put("realTime", true);
        input.put("since", "2016-05");
        input.put("confidence", "CONFIRMED");
        input.put("description", "The vendor alerts the agency.");
        input.put("evidence", List.of(evidence(REPORT, REPORT_QUOTE), evidence(EMAILS, EMAIL_QUOTE)));

        var flow = recordFlow(input).execute();

        flow.path("recordFlow.id").entity(String.class).isEqualTo("mt-flow-happy");
        flow.path("recordFlow.from.id").entity(String.class).isEqualTo(VENDOR);
        flow.path("recordFlow.to.id").entity(String.class).isEqualTo(AGENCY);
        flow.path("recordFlow.categories[*].id")
                .entityList(String.class)
                .containsExactly("mt-happy-digest", "mt-happy-raw");
        flow.path("recordFlow.categories[0].name").entity(String.class).isEqualTo("MT digests");
        flow.path("recordFlow.categories[0].origin").entity(String.class).isEqualTo(PLATFORM);
        flow.path("recordFlow.categories[0].description").entity(String.class).isEqualTo("Digests of posts.");
        flow.path("recordFlow.via.id").entity(String.class).isEqualTo("mt-happy-feed");
        flow.path("recordFlow.via.name").entity(String.class).isEqualTo("MT Feed");
        flow.path("recordFlow.via.description").entity(String.class).isEqualTo("Alerts.");
        flow.path("recordFlow.purpose").entity(String.class).isEqualTo("LAW_ENFORCEMENT");
        flow.path("recordFlow.accessMethod").entity(String.class).isEqualTo("ALERTS");
        flow.path("recordFlow.realTime").entity(Boolean.class).isEqualTo(true);
        flow.path("recordFlow.since").entity(String.class).isEqualTo("2016-05");
        flow.path("recordFlow.until").valueIsNull();
        flow.path("recordFlow.confidence").entity(String.class).isEqualTo("CONFIRMED");
        flow.path("recordFlow.description").entity(String.class).isEqualTo("The vendor alerts the agency.");
        flow.path("recordFlow.evidence[*].source.id")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT, EMAILS));
        flow.path("recordFlow.evidence[*].quote")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT_QUOTE, EMAIL_QUOTE));
        flow.path("recordFlow.agreements").entityList(Object.class).hasSize(0);
        flow.path("recordFlow.retracted").entity(Boolean.class).isEqualTo(false);
        flow.path("recordFlow.retraction").valueIsNull();

        assertThat(strings(
                        "MATCH (:DataCategory {id: $id})-[:DERIVED_FROM]->(p:DataCategory) RETURN p.id AS v",
                        "mt-happy-digest"))
                .containsExactlyInAnyOrder("mt-happy-raw", POSTS);
        assertThat(strings("MATCH (o:Organization)-[:OFFERS]->(:Product {id: $id}) RETURN o.id AS v", "mt-happy-feed"))
                .containsExactly(VENDOR);
        assertThat(strings(
                        "MATCH (s:Organization)-[:SENDS]->(:DataFlow {id: $id})-[:TO]->(t:Organization)"
                                + " RETURN s.id + '>' + t.id AS v",
                        "mt-flow-happy"))
                .containsExactly(VENDOR + ">" + AGENCY);
    }

    @Test
    void record_flow_without_an_id_derives_it_from_the_ends_and_the_product() {
        var input = flowInput(null, PLATFORM, AGENCY);
        input.put("via", Map.of("id", "mt-derived-product", "name", "MT Derived Product"));

        recordFlow(input)
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-platform-to-mt-agency-mt-derived-product");
    }

    @Test
    void record_flow_again_with_the_same_id_restates_fields_and_adds_categories_and_evidence() {
        var first = flowInput("mt-flow-restated", PLATFORM, VENDOR);
        recordFlow(first).execute().path("recordFlow.id").entity(String.class).isEqualTo("mt-flow-restated");

        var second = flowInput("mt-flow-restated", PLATFORM, VENDOR);
        second.put("categories", List.of(Map.of("id", "mt-restated-extra", "name", "MT extra")));
        second.put("confidence", "CONFIRMED");
        second.put("evidence", List.of(evidence(EMAILS, EMAIL_QUOTE)));
        var flow = recordFlow(second).execute();

        flow.path("recordFlow.confidence").entity(String.class).isEqualTo("CONFIRMED");
        flow.path("recordFlow.categories[*].id").entityList(String.class).containsExactly(POSTS, "mt-restated-extra");
        flow.path("recordFlow.evidence[*].source.id")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT, EMAILS));
    }

    @Test
    void record_flow_sent_twice_changes_nothing_the_second_time() {
        var input = flowInput("mt-flow-twice", PLATFORM, VENDOR);
        input.put(
                "categories",
                List.of(Map.of("id", "mt-twice-category", "name", "MT twice", "derivedFrom", List.of(POSTS))));
        input.put("via", Map.of("id", "mt-twice-product", "name", "MT twice product", "offeredBy", PLATFORM));
        input.put("since", "2020");
        input.put("until", "2021-02-03");
        input.put("evidence", List.of(evidence(REPORT, REPORT_QUOTE), evidence(REPORT, "A second passage.")));
        assertSecondSendChangesNothing(recordFlow(input));
    }

    @Test
    void record_flow_without_categories_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-no-categories", PLATFORM, VENDOR);
        input.put("categories", List.of());
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.categories");
    }

    @Test
    void record_flow_without_evidence_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-no-evidence", PLATFORM, VENDOR);
        input.put("evidence", List.of());
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.evidence");
    }

    @Test
    void record_flow_with_evidence_from_an_unknown_source_is_not_found_and_writes_nothing() {
        var input = flowInput("mt-flow-unknown-source", PLATFORM, VENDOR);
        input.put("evidence", List.of(evidence(REPORT, REPORT_QUOTE), evidence("mt-no-such-source", "Anything.")));
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.NOT_FOUND, "Source", "mt-no-such-source");
    }

    @Test
    void record_flow_from_an_unknown_organization_is_not_found_and_writes_nothing() {
        var input = flowInput("mt-flow-unknown-from", "mt-no-such-org", VENDOR);
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.NOT_FOUND, "Organization", "mt-no-such-org");
    }

    @Test
    void record_flow_from_an_organization_to_itself_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-to-itself", VENDOR, VENDOR);
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.from", "input.to", VENDOR);
    }

    @Test
    void record_flow_ending_before_it_starts_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-ends-early", PLATFORM, VENDOR);
        input.put("since", "2021-03");
        input.put("until", "2021-02-28");
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.until", "input.since");
    }

    @Test
    void record_flow_with_a_new_category_without_a_name_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-nameless-category", PLATFORM, VENDOR);
        input.put("categories", List.of(Map.of("id", POSTS), Map.of("id", "mt-nameless-category")));
        assertRejectedWithoutWriting(
                recordFlow(input), ErrorType.BAD_REQUEST, "input.categories[1]", "mt-nameless-category", "name");
    }

    @Test
    void record_flow_with_a_new_product_without_a_name_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-nameless-product", PLATFORM, VENDOR);
        input.put("via", Map.of("id", "mt-nameless-product"));
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.via", "mt-nameless-product");
    }

    @Test
    void record_flow_deriving_a_category_from_an_unknown_one_is_not_found_and_writes_nothing() {
        var input = flowInput("mt-flow-unknown-parent", PLATFORM, VENDOR);
        input.put(
                "categories",
                List.of(Map.of(
                        "id",
                        "mt-orphan-category",
                        "name",
                        "MT orphan",
                        "derivedFrom",
                        List.of("mt-no-such-category"))));
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.NOT_FOUND, "DataCategory", "mt-no-such-category");
    }

    @Test
    void record_flow_under_an_unknown_agreement_is_not_found_and_writes_nothing() {
        var input = flowInput("mt-flow-unknown-agreement", PLATFORM, VENDOR);
        input.put("agreements", List.of("mt-no-such-agreement"));
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.NOT_FOUND, "Agreement", "mt-no-such-agreement");
    }

    @Test
    void record_flow_with_an_invalid_id_is_rejected_and_writes_nothing() {
        var input = flowInput("Bad Id!", PLATFORM, VENDOR);
        assertRejectedWithoutWriting(recordFlow(input), ErrorType.BAD_REQUEST, "input.id", "Bad Id!");
    }

    @Test
    void record_flow_reusing_an_id_for_different_ends_is_rejected_and_writes_nothing() {
        recordFlow(flowInput("mt-flow-owned", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-owned");

        assertRejectedWithoutWriting(
                recordFlow(flowInput("mt-flow-owned", VENDOR, AGENCY)),
                ErrorType.BAD_REQUEST,
                "input.id",
                "mt-flow-owned",
                PLATFORM);
    }

    @Test
    void record_flow_with_a_control_character_in_a_quote_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-nul-quote", PLATFORM, VENDOR);
        input.put("evidence", List.of(evidence(REPORT, "Before\u0000after.")));
        assertRejectedWithoutWriting(
                recordFlow(input), ErrorType.BAD_REQUEST, "input.evidence[0].quote", "control character");
    }

    // endFlow

    @Test
    void end_flow_sets_until_and_adds_the_evidence_for_the_end() {
        var input = flowInput("mt-flow-ended", PLATFORM, VENDOR);
        input.put("since", "2019");
        recordFlow(input).execute().path("recordFlow.until").valueIsNull();

        var flow = endFlow("mt-flow-ended", "2023-06", List.of(evidence(EMAILS, EMAIL_QUOTE)))
                .execute();

        flow.path("endFlow.id").entity(String.class).isEqualTo("mt-flow-ended");
        flow.path("endFlow.from.id").entity(String.class).isEqualTo(PLATFORM);
        flow.path("endFlow.to.id").entity(String.class).isEqualTo(VENDOR);
        flow.path("endFlow.since").entity(String.class).isEqualTo("2019");
        flow.path("endFlow.until").entity(String.class).isEqualTo("2023-06");
        flow.path("endFlow.retracted").entity(Boolean.class).isEqualTo(false);
        flow.path("endFlow.evidence[*].quote")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT_QUOTE, EMAIL_QUOTE));
    }

    @Test
    void end_flow_sent_twice_changes_nothing_the_second_time() {
        recordFlow(flowInput("mt-flow-ended-twice", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-ended-twice");
        assertSecondSendChangesNothing(
                endFlow("mt-flow-ended-twice", "2024-01-08", List.of(evidence(EMAILS, EMAIL_QUOTE))));
    }

    @Test
    void end_flow_of_an_unknown_flow_is_not_found_and_writes_nothing() {
        assertRejectedWithoutWriting(
                endFlow("mt-no-such-flow", "2024", List.of(evidence(EMAILS, EMAIL_QUOTE))),
                ErrorType.NOT_FOUND,
                "mt-no-such-flow");
    }

    @Test
    void end_flow_before_the_flow_began_is_rejected_and_writes_nothing() {
        var input = flowInput("mt-flow-end-early", PLATFORM, VENDOR);
        input.put("since", "2020-05");
        recordFlow(input)
                .execute()
                .path("recordFlow.since")
                .entity(String.class)
                .isEqualTo("2020-05");

        assertRejectedWithoutWriting(
                endFlow("mt-flow-end-early", "2020-04", List.of(evidence(EMAILS, EMAIL_QUOTE))),
                ErrorType.BAD_REQUEST,
                "until (2020-04)",
                "2020-05");
        assertThat(errorMessage(endFlow("mt-flow-end-early", "2020-04", List.of(evidence(EMAILS, EMAIL_QUOTE)))))
                .as("endFlow has no input argument: the message names its own until argument")
                .startsWith("until ")
                .doesNotContain("input.");
    }

    @Test
    void end_flow_without_evidence_is_rejected_and_writes_nothing() {
        recordFlow(flowInput("mt-flow-end-unproven", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-end-unproven");
        assertRejectedWithoutWriting(
                endFlow("mt-flow-end-unproven", "2024", List.of()), ErrorType.BAD_REQUEST, "evidence");
    }

    // retractFlow

    @Test
    void retract_flow_keeps_the_flow_marked_but_listings_leave_it_out() {
        upsertOrganization(Map.of("id", "mt-retract-sender", "name", "MT Retract Sender", "kind", "VENDOR"))
                .execute()
                .path("upsertOrganization.id")
                .entity(String.class)
                .isEqualTo("mt-retract-sender");
        recordFlow(flowInput("mt-flow-kept", "mt-retract-sender", VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-kept");
        recordFlow(flowInput("mt-flow-retracted", "mt-retract-sender", AGENCY))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-retracted");
        retractedFlowViews("mt-flow-retracted", "mt-retract-sender")
                .path("organization.flowsOut[*].id")
                .entityList(String.class)
                .containsExactly("mt-flow-kept", "mt-flow-retracted");

        var retracted = retractFlow(
                        "mt-flow-retracted",
                        "The report confused two vendors.",
                        List.of(evidence(EMAILS, "That was a different vendor.")))
                .execute();
        retracted.path("retractFlow.id").entity(String.class).isEqualTo("mt-flow-retracted");
        retracted.path("retractFlow.retracted").entity(Boolean.class).isEqualTo(true);
        retracted
                .path("retractFlow.retraction.reason")
                .entity(String.class)
                .isEqualTo("The report confused two vendors.");
        retracted
                .path("retractFlow.retraction.evidence[*].source.id")
                .entityList(String.class)
                .containsExactly(EMAILS);
        retracted.path("retractFlow.evidence[*].quote").entityList(String.class).containsExactly(REPORT_QUOTE);

        var views = retractedFlowViews("mt-flow-retracted", "mt-retract-sender");
        views.path("flow.id").entity(String.class).isEqualTo("mt-flow-retracted");
        views.path("flow.retracted").entity(Boolean.class).isEqualTo(true);
        views.path("flow.retraction.reason").entity(String.class).isEqualTo("The report confused two vendors.");
        views.path("flow.retraction.evidence[*].quote")
                .entityList(String.class)
                .containsExactly("That was a different vendor.");
        views.path("organization.flowsOut[*].id").entityList(String.class).containsExactly("mt-flow-kept");
        views.path("current.edges[*].node.id")
                .entityList(String.class)
                .contains("mt-flow-kept")
                .doesNotContain("mt-flow-retracted");
        views.path("currentFromSender.totalCount").entity(Integer.class).isEqualTo(1);
        views.path("currentFromSender.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("mt-flow-kept");
        views.path("withRetracted.totalCount").entity(Integer.class).isEqualTo(2);
        views.path("withRetracted.edges[*].node.id")
                .entityList(String.class)
                .containsExactly("mt-flow-kept", "mt-flow-retracted");
        views.path("withRetracted.edges[*].node.retracted")
                .entityList(Boolean.class)
                .containsExactly(false, true);
    }

    @Test
    void retract_flow_sent_twice_changes_nothing_the_second_time() {
        recordFlow(flowInput("mt-flow-retracted-twice", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-retracted-twice");
        assertSecondSendChangesNothing(retractFlow(
                "mt-flow-retracted-twice", "Wrong vendor.", List.of(evidence(EMAILS, "A different vendor."))));
    }

    @Test
    void retract_flow_with_a_blank_reason_is_rejected_and_writes_nothing() {
        recordFlow(flowInput("mt-flow-retract-blank", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-retract-blank");
        assertRejectedWithoutWriting(
                retractFlow("mt-flow-retract-blank", " \t ", List.of(evidence(EMAILS, EMAIL_QUOTE))),
                ErrorType.BAD_REQUEST,
                "reason");
        graphQl.documentName("mutationRetractedFlowViews")
                .variable("id", "mt-flow-retract-blank")
                .variable("from", PLATFORM)
                .execute()
                .path("flow.retracted")
                .entity(Boolean.class)
                .isEqualTo(false);
    }

    @Test
    void retract_flow_of_an_unknown_flow_is_not_found_and_writes_nothing() {
        assertRejectedWithoutWriting(
                retractFlow("mt-no-such-flow", "Wrong.", List.of(evidence(EMAILS, EMAIL_QUOTE))),
                ErrorType.NOT_FOUND,
                "mt-no-such-flow");
    }

    // addEvidence

    @Test
    void add_evidence_to_a_flow_adds_the_passage_and_returns_the_flow() {
        recordFlow(flowInput("mt-flow-more-evidence", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.evidence")
                .entityList(Object.class)
                .hasSize(1);

        var response = addEvidence("mt-flow-more-evidence", List.of(evidence(EMAILS, "The feed runs daily.")))
                .execute();

        response.path("addEvidence.__typename").entity(String.class).isEqualTo("DataFlow");
        response.path("addEvidence.id").entity(String.class).isEqualTo("mt-flow-more-evidence");
        response.path("addEvidence.from.id").entity(String.class).isEqualTo(PLATFORM);
        response.path("addEvidence.to.id").entity(String.class).isEqualTo(VENDOR);
        response.path("addEvidence.evidence[*].quote")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT_QUOTE, "The feed runs daily."));
        response.path("addEvidence.evidence[*].source.id")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(REPORT, EMAILS));
    }

    @Test
    void add_evidence_sent_twice_changes_nothing_the_second_time() {
        recordFlow(flowInput("mt-flow-evidence-twice", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-evidence-twice");
        assertSecondSendChangesNothing(addEvidence(
                "mt-flow-evidence-twice",
                List.of(evidence(EMAILS, "The feed runs daily."), evidence(REPORT, "Another passage."))));
    }

    @Test
    void add_evidence_to_an_unknown_target_is_not_found_and_writes_nothing() {
        assertRejectedWithoutWriting(
                addEvidence("mt-no-such-fact", List.of(evidence(EMAILS, EMAIL_QUOTE))),
                ErrorType.NOT_FOUND,
                "mt-no-such-fact");
    }

    @Test
    void add_evidence_with_a_nul_character_in_the_quote_is_rejected_and_writes_nothing() {
        recordFlow(flowInput("mt-flow-nul-evidence", PLATFORM, VENDOR))
                .execute()
                .path("recordFlow.id")
                .entity(String.class)
                .isEqualTo("mt-flow-nul-evidence");
        assertRejectedWithoutWriting(
                addEvidence("mt-flow-nul-evidence", List.of(evidence(EMAILS, "Before\u0000after."))),
                ErrorType.BAD_REQUEST,
                "evidence[0].quote",
                "control character (code 0)");
    }

    // helpers

    private GraphQlTester.Request<?> upsertOrganization(Map<String, Object> input) {
        return graphQl.documentName("mutationUpsertOrganization").variable("input", input);
    }

    private GraphQlTester.Request<?> addSource(Map<String, Object> input) {
        return graphQl.documentName("mutationAddSource").variable("input", input);
    }

    private GraphQlTester.Request<?> recordFlow(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordFlow").variable("input", input);
    }

    private GraphQlTester.Request<?> endFlow(String id, String until, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationEndFlow")
                .variable("id", id)
                .variable("until", until)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> retractFlow(String id, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractFlow")
                .variable("id", id)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> addEvidence(String target, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationAddEvidence")
                .variable("target", target)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Response retractedFlowViews(String id, String from) {
        return graphQl.documentName("mutationRetractedFlowViews")
                .variable("id", id)
                .variable("from", from)
                .execute();
    }

    /** A valid flow input (one existing category, one evidence item); tests change what they are about. */
    private static Map<String, Object> flowInput(String id, String from, String to) {
        var input = new LinkedHashMap<String, Object>();
        if (id != null) {
            input.put("id", id);
        }
        input.put("from", from);
        input.put("to", to);
        input.put("categories", List.of(Map.of("id", POSTS)));
        input.put("purpose", "COMMERCIAL");
        input.put("accessMethod", "API");
        input.put("confidence", "REPORTED");
        input.put("evidence", List.of(evidence(REPORT, REPORT_QUOTE)));
        return input;
    }

    private static Map<String, String> evidence(String source, String quote) {
        return Map.of("source", source, "quote", quote);
    }

    /**
     * The first send writes something; the second, identical one leaves every fact as the first left
     * it, and only adds its own audit entry (every mutation is audited, even one that changes nothing).
     */
    private void assertSecondSendChangesNothing(GraphQlTester.Request<?> request) {
        var before = TestSupport.factFingerprint(driver);
        request.execute().errors().verify();
        var afterFirst = TestSupport.factFingerprint(driver);
        long auditedAfterFirst = TestSupport.auditEntries(driver);
        assertThat(afterFirst).as("the first send writes").isNotEqualTo(before);
        request.execute().errors().verify();
        assertThat(TestSupport.factFingerprint(driver))
                .as("the second send changes nothing")
                .isEqualTo(afterFirst);
        assertThat(TestSupport.auditEntries(driver))
                .as("the second send is audited")
                .isEqualTo(auditedAfterFirst + 1);
    }

    /** One error of the given classification whose message contains every fragment; the graph is unchanged. */
    private void assertRejectedWithoutWriting(GraphQlTester.Request<?> request, ErrorType type, String... fragments) {
        var before = TestSupport.fingerprint(driver);
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            var error = errors.getFirst();
            assertThat(error.getErrorType()).isEqualTo(type);
            assertThat(error.getMessage()).contains(fragments);
        });
        assertThat(TestSupport.fingerprint(driver))
                .as("a rejected mutation writes nothing")
                .isEqualTo(before);
    }

    private String errorMessage(GraphQlTester.Request<?> request) {
        var messages = new ArrayList<String>();
        request.execute()
                .errors()
                .satisfy(errors -> errors.forEach(error -> messages.add(String.valueOf(error.getMessage()))));
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }

    /** The column {@code v} of every row, as strings. */
    private List<String> strings(String query, String id) {
        return driver.executableQuery(query).withParameters(Map.of("id", id)).execute().records().stream()
                .map(r -> r.get("v").asString())
                .toList();
    }
}
