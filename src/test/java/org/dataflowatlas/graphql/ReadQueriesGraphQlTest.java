package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Listings, search, timeline and sources over the seed and the trace fixture. */
@AtlasIntegrationTest
class ReadQueriesGraphQlTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
    }

    @Test
    void organizations_page_in_stable_id_order_with_cursors_and_a_total() {
        var filter = Map.<String, Object>of("text", "tf-");
        var first = graphQl.documentName("organizations")
                .variables(Map.of("first", 3, "filter", filter))
                .execute();
        var firstIds = first.path("organizations.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(firstIds).hasSize(3).isSorted();
        int total = first.path("organizations.totalCount").entity(Integer.class).get();
        assertThat(total).isGreaterThan(6);
        first.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var endCursor = first.path("organizations.pageInfo.endCursor")
                .entity(String.class)
                .get();

        var second = graphQl.documentName("organizations")
                .variables(Map.of("first", 100, "filter", filter, "after", endCursor))
                .execute();
        var secondIds = second.path("organizations.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(secondIds).hasSize(total - 3).isSorted().doesNotContainAnyElementsOf(firstIds);
        assertThat(secondIds.getFirst()).isGreaterThan(firstIds.getLast());
        second.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        second.path("organizations.pageInfo.hasPreviousPage")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void organizations_filter_by_kind_jurisdiction_and_alias() {
        assertThat(ids(Map.of("kinds", List.of("AGENCY"), "jurisdictions", List.of("STATE"), "text", "tf-")))
                .containsExactly("tf-fusion", "tf-state");
        assertThat(ids(Map.of("text", "twitter"))).containsExactly("x");
        // A group counts at every level it spans.
        assertThat(ids(Map.of("jurisdictions", List.of("LOCAL"), "group", true)))
                .containsExactly("dataminr-law-enforcement-customers");
    }

    @Test
    void a_bad_page_size_or_cursor_is_a_bad_request() {
        assertBadRequest(Map.of("first", 0), "first must be between 1 and 100");
        assertBadRequest(Map.of("first", 101), "first must be between 1 and 100");
        assertBadRequest(Map.of("first", 5, "after", "not-a-cursor"), "after is not a cursor");
    }

    @Test
    void flows_filter_by_ends_purpose_category_confidence_and_date() {
        assertThat(flowIds(Map.of("from", "tf-vendor"))).containsExactly("tf-f2", "tf-f3", "tf-f9");
        assertThat(flowIds(Map.of("from", "tf-vendor", "includeRetracted", true)))
                .containsExactly("tf-f2", "tf-f3", "tf-f7", "tf-f9");
        assertThat(flowIds(Map.of("to", "tf-feds", "minConfidence", "CONFIRMED")))
                .containsExactly("tf-f9");
        assertThat(flowIds(Map.of("from", "tf-police", "purposes", List.of("LAW_ENFORCEMENT"), "activeOn", "2020")))
                .containsExactly("tf-f4");
        // Carrying tf-posts or anything derived from it (alerts, digest).
        assertThat(flowIds(Map.of("categories", List.of("tf-posts"))))
                .containsExactly("tf-f1", "tf-f2", "tf-f5", "tf-f6");
        assertThat(flowIds(Map.of("accessMethods", List.of("FIREHOSE"), "from", "x")))
                .containsExactly("x-to-dataminr-firehose");
    }

    @Test
    void search_finds_organizations_by_alias_and_facts_by_their_quotes() {
        var byAlias = graphQl.documentName("search")
                .variables(Map.of("text", "Twitter"))
                .execute();
        byAlias.path("search[0].entity.__typename").entity(String.class).isEqualTo("Organization");
        byAlias.path("search[0].entity.id").entity(String.class).isEqualTo("x");

        var byQuote = graphQl.documentName("search")
                .variables(Map.of("text", "whole point of this contract"))
                .execute();
        // The flow and the contract rest on the same passage of the article: they rank first, equally.
        byQuote.path("search[0].entity.__typename").entity(String.class).isEqualTo("Agreement");
        byQuote.path("search[0].entity.id").entity(String.class).isEqualTo("dataminr-secret-service-contract");
        byQuote.path("search[1].entity.__typename").entity(String.class).isEqualTo("DataFlow");
        byQuote.path("search[1].entity.id").entity(String.class).isEqualTo("dataminr-to-us-secret-service-first-alert");
        byQuote.path("search[1].source.id").entity(String.class).isEqualTo("seed-article");
        byQuote.path("search[1].quote")
                .entity(String.class)
                .satisfies(q -> assertThat(q).contains("whole point"));
        byQuote.path("search[1].score")
                .entity(Double.class)
                .isEqualTo(byQuote.path("search[0].score").entity(Double.class).get());
        byQuote.path("search[*].score")
                .entityList(Double.class)
                .satisfies(scores -> assertThat(scores).isSortedAccordingTo(Comparator.reverseOrder()));
    }

    @Test
    void search_treats_query_syntax_as_plain_words() {
        graphQl.documentName("search")
                .variables(Map.of("text", "\"law AND (enforcement OR x) ~ [ } \\\\"))
                .execute()
                .path("search")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
    }

    @Test
    void timeline_lists_what_happened_around_x_oldest_first() {
        var response = graphQl.documentName("timeline").variable("entity", "x").execute();
        var dates = response.path("timeline[*].date").entityList(String.class).get();
        assertThat(dates.subList(0, 6)).containsExactly("2014", "2016", "2023", "2023-07", "2024-01", "2024");
        response.path("timeline[*].kind")
                .entityList(String.class)
                .contains("EVENT", "FLOW_FIRST_EVIDENCED", "STATEMENT");
        response.path("timeline[2].title")
                .entity(String.class)
                .satisfies(t -> assertThat(t).contains("X → Dataminr"));
    }

    @Test
    void timeline_of_a_flow_shows_its_start_and_end() {
        graphQl.documentName("timeline")
                .variable("entity", "tf-f2")
                .execute()
                .path("timeline[*].kind")
                .entityList(String.class)
                .containsExactly("FLOW_START", "FLOW_END");
        graphQl.documentName("timeline")
                .variable("entity", "no-such-thing")
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(e -> assertThat(e.getErrorType()).isEqualTo(ErrorType.NOT_FOUND)));
    }

    @Test
    void a_source_shows_everything_it_evidences() {
        var article =
                graphQl.documentName("source").variable("id", "seed-article").execute();
        article.path("source.kind").entity(String.class).isEqualTo("NEWS_REPORT");
        article.path("source.cites[*].id")
                .entityList(String.class)
                .containsExactly(
                        "dataminr-secret-service-emails", "intercept-x-dataminr-report", "x-supreme-court-petition");
        article.path("source.evidences[*].fact.id")
                .entityList(String.class)
                .contains(
                        "x-to-dataminr-firehose",
                        "dataminr-to-us-secret-service-first-alert",
                        "dataminr-to-law-enforcement-customers-first-alert",
                        "dataminr-confirms-firehose-access",
                        "x-third-party-data-terms");
        article.path("source.evidences[*].quote")
                .entityList(String.class)
                .satisfies(quotes -> assertThat(quotes).doesNotContainNull());
        article.path("source.statements[*].id")
                .entityList(String.class)
                .contains("secret-service-whole-point-law-enforcement", "dataminr-contract-gives-full-stream");

        // A source known only through the article: it evidences the flows it is cited for, with no passage.
        var emails = graphQl.documentName("source")
                .variable("id", "dataminr-secret-service-emails")
                .execute();
        emails.path("source.kind").entity(String.class).isEqualTo("EMAIL");
        emails.path("source.citedBy[*].id")
                .entityList(String.class)
                .containsExactly("intercept-x-dataminr-report", "seed-article");
        emails.path("source.evidences[*].fact.id")
                .entityList(String.class)
                .containsExactly("dataminr-to-us-secret-service-first-alert", "x-to-dataminr-firehose");
        emails.path("source.evidences[*].quote")
                .entityList(String.class)
                .satisfies(quotes -> assertThat(quotes).containsOnlyNulls());
        emails.path("source.statements").entityList(Object.class).hasSize(0);
        graphQl.documentName("source")
                .variable("id", "no-such-source")
                .execute()
                .path("source")
                .valueIsNull();
    }

    private List<String> ids(Map<String, Object> filter) {
        return graphQl.documentName("organizations")
                .variables(Map.of("first", 100, "filter", filter))
                .execute()
                .path("organizations.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    private List<String> flowIds(Map<String, Object> filter) {
        return graphQl.documentName("flows")
                .variables(Map.of("first", 100, "filter", filter))
                .execute()
                .path("flows.edges[*].node.id")
                .entityList(String.class)
                .get();
    }

    private void assertBadRequest(Map<String, Object> variables, String message) {
        graphQl.documentName("organizations")
                .variables(variables)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains(message);
                }));
    }
}
