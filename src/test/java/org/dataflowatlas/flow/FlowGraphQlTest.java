package org.dataflowatlas.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.graphql.SchemaInspection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The first GraphQL slice, over the seed. */
@AtlasIntegrationTest
class FlowGraphQlTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    SchemaInspection schemaReport;

    @LocalServerPort
    int port;

    @Test
    void returns_the_x_to_dataminr_firehose_with_its_evidence_quotes() {
        var flow = graphQl.documentName("flowWithEvidence")
                .variable("id", "x-to-dataminr-firehose")
                .execute();
        flow.path("flow.from.id").entity(String.class).isEqualTo("x");
        flow.path("flow.from.kind").entity(String.class).isEqualTo("PLATFORM");
        flow.path("flow.from.aliases").entityList(String.class).contains("Twitter");
        flow.path("flow.to.id").entity(String.class).isEqualTo("dataminr");
        flow.path("flow.categories[*].id").entityList(String.class).containsExactly("x-public-posts");
        flow.path("flow.via.id").entity(String.class).isEqualTo("x-firehose");
        flow.path("flow.accessMethod").entity(String.class).isEqualTo("FIREHOSE");
        flow.path("flow.realTime").entity(Boolean.class).isEqualTo(true);
        flow.path("flow.confidence").entity(String.class).isEqualTo("REPORTED");
        flow.path("flow.until").valueIsNull();
        flow.path("flow.evidence[*].quote")
                .entityList(String.class)
                .satisfies(quotes -> assertThat(quotes)
                        .anyMatch(q -> q != null
                                && q.contains("real-time access to the full stream of all publicly available Tweets")));
        flow.path("flow.evidence[*].source.kind").entityList(String.class).contains("EMAIL", "NEWS_REPORT");
    }

    @Test
    void follows_first_alert_from_dataminr_to_the_secret_service_for_law_enforcement() {
        var flow = graphQl.documentName("flowWithEvidence")
                .variable("id", "dataminr-to-us-secret-service-first-alert")
                .execute();
        flow.path("flow.to.jurisdiction").entity(String.class).isEqualTo("FEDERAL");
        flow.path("flow.via.id").entity(String.class).isEqualTo("first-alert");
        flow.path("flow.purpose").entity(String.class).isEqualTo("LAW_ENFORCEMENT");
        flow.path("flow.categories[0].origin").entity(String.class).isEqualTo("x");
        flow.path("flow.evidence[*].quote")
                .entityList(String.class)
                .satisfies(
                        quotes -> assertThat(quotes)
                                .anyMatch(
                                        q -> q != null
                                                && q.contains(
                                                        "whole point of this contract is to use the information for law enforcement purposes")));
    }

    @Test
    void lists_what_an_organization_sends_and_receives() {
        var dataminr = graphQl.documentName("organizationFlows")
                .variable("id", "dataminr")
                .execute();
        dataminr.path("organization.kind").entity(String.class).isEqualTo("VENDOR");
        dataminr.path("organization.flowsOut[*].to.id")
                .entityList(String.class)
                .containsExactly("dataminr-law-enforcement-customers", "us-secret-service");
        dataminr.path("organization.flowsIn[*].from.id")
                .entityList(String.class)
                .containsExactly("x");

        var customers = graphQl.documentName("organizationFlows")
                .variable("id", "dataminr-law-enforcement-customers")
                .execute();
        customers.path("organization.group").entity(Boolean.class).isEqualTo(true);
        customers.path("organization.estimatedSize").entity(String.class).isEqualTo("dozens");
        customers.path("organization.flowsOut").entityList(Object.class).hasSize(0);
    }

    @Test
    void a_category_names_what_it_is_derived_from() {
        var flow = graphQl.documentName("categoryDerivedFrom")
                .variable("id", "dataminr-to-us-secret-service-first-alert")
                .execute();
        flow.path("flow.categories[0].derivedFrom[*].id")
                .entityList(String.class)
                .containsExactly("x-public-posts");
        flow.path("flow.categories[0].derivedFrom[0].derivedFrom")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void flow_dates_span_every_flows_dates_and_the_first_evidence_of_those_without_a_start() {
        var starts = new ArrayList<PartialDate>();
        var dates = new ArrayList<PartialDate>();
        boolean ongoing = false;
        String after = null;
        do {
            var page =
                    graphQl.documentName("datedFlows").variable("after", after).execute();
            for (var flow :
                    page.path("flows.edges[*].node").entityList(Map.class).get()) {
                var since = (String) flow.get("since");
                var until = (String) flow.get("until");
                @SuppressWarnings("unchecked")
                var published = ((List<Map<String, Map<String, String>>>) flow.get("evidence"))
                        .stream()
                                .map(e -> e.get("source").get("published"))
                                .filter(Objects::nonNull)
                                .map(PartialDate::parse)
                                .toList();
                var begins = since != null
                        ? Optional.of(PartialDate.parse(since))
                        : published.stream().min(Comparator.naturalOrder());
                begins.ifPresent(starts::add);
                begins.ifPresent(dates::add);
                dates.addAll(published);
                if (until != null) {
                    dates.add(PartialDate.parse(until));
                }
                ongoing |= until == null;
            }
            after = page.path("flows.pageInfo.hasNextPage")
                            .entity(Boolean.class)
                            .get()
                    ? page.path("flows.pageInfo.endCursor").entity(String.class).get()
                    : null;
        } while (after != null);
        assertThat(starts).as("the seed's flows are dated by their evidence").isNotEmpty();
        var earliest = starts.stream().min(Comparator.naturalOrder()).orElseThrow();
        var latest = dates.stream().max(Comparator.comparing(PartialDate::last)).orElseThrow();

        var span = graphQl.documentName("flowDates").execute();
        span.path("flowDates.earliest")
                .entity(String.class)
                .satisfies(text -> assertThat(PartialDate.parse(text).first()).isEqualTo(earliest.first()));
        span.path("flowDates.latest")
                .entity(String.class)
                .satisfies(text -> assertThat(PartialDate.parse(text).last()).isEqualTo(latest.last()));
        span.path("flowDates.ongoing").entity(Boolean.class).isEqualTo(ongoing);
    }

    @Test
    void unknown_ids_answer_null_rather_than_an_error() {
        graphQl.documentName("organizationFlows")
                .variable("id", "no-such-org")
                .execute()
                .path("organization")
                .valueIsNull();
        graphQl.documentName("flowWithEvidence")
                .variable("id", "no-such-flow")
                .execute()
                .path("flow")
                .valueIsNull();
    }

    @Test
    void every_schema_field_has_a_data_fetcher_and_every_mapping_a_field() {
        var report = schemaReport.report();
        assertThat(report).as("schema inspection report").isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
        assertThat(report.skippedTypes()).isEmpty();
    }

    @Test
    void answers_over_http_at_slash_graphql() throws Exception {
        var body = "{\"query\":\"{ organization(id: \\\"x\\\") { name flowsOut { to { name } } } }\"}";
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("\"name\":\"X\"", "\"name\":\"Dataminr\"")
                .doesNotContain("errors");
    }

    @Test
    void health_reports_neo4j_up() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .containsPattern("\"neo4j\":\\{\"details\":\\{[^}]*\"edition\":\"community\"[^}]*},\"status\":\"UP\"");
    }
}
