package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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

/**
 * Tracing semantics over a fixture built to separate them (fixtures/trace-fixture.cypher): lineage
 * against reachability, dates, confidence, hop bounds, cycles, truncation, direction, filters.
 */
@AtlasIntegrationTest
class TraceGraphQlTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(
                new ClassPathResource("fixtures/trace-fixture.cypher")); // MERGE only: loading twice changes nothing
    }

    @Test
    void lineage_follows_only_hops_that_pass_on_what_they_received() {
        assertThat(reached(Map.of("from", "tf-platform")))
                .containsExactly(Map.entry("tf-vendor", 1), Map.entry("tf-police", 2), Map.entry("tf-feds", 3));
    }

    @Test
    void reachability_follows_any_chain_and_finds_shorter_routes() {
        assertThat(reached(Map.of("from", "tf-platform", "mode", "REACHABILITY")))
                .containsExactly(
                        Map.entry("tf-vendor", 1),
                        Map.entry("tf-feds", 2),
                        Map.entry("tf-police", 2),
                        Map.entry("tf-state", 2),
                        Map.entry("tf-fusion", 3));
    }

    @Test
    void retracted_flows_are_never_followed() {
        assertThat(reached(Map.of("from", "tf-platform", "mode", "REACHABILITY")))
                .doesNotContainKey("tf-broker");
    }

    @Test
    void max_hops_bounds_the_walk() {
        assertThat(reached(Map.of("from", "tf-platform", "maxHops", 2)).keySet())
                .containsExactly("tf-vendor", "tf-police");
        assertThat(reached(Map.of("from", "tf-platform", "maxHops", 1)).keySet())
                .containsExactly("tf-vendor");
    }

    @Test
    void more_than_eight_hops_is_a_bad_request_that_says_the_limit() {
        graphQl.documentName("trace")
                .variables(Map.of("from", "tf-platform", "maxHops", 9))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
                    assertThat(error.getMessage()).contains("maxHops", "between 1 and 8");
                }));
    }

    @Test
    void a_cycle_back_to_the_vendor_never_repeats_an_organization() {
        var paths = paths(Map.of("from", "tf-platform", "mode", "REACHABILITY", "maxHops", 8));
        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).doesNotHaveDuplicates());
        assertThat(paths).noneMatch(path -> path.lastIndexOf("tf-vendor") > 1);
    }

    @Test
    void active_on_uses_the_interval_a_partial_date_covers() {
        var whole = List.of("tf-vendor", "tf-police", "tf-feds");
        // tf-f2 runs from 2021-03 to 2022-06.
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2021-02")).keySet())
                .containsExactly("tf-vendor");
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2021-03")).keySet())
                .containsExactlyElementsOf(whole);
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2022")).keySet())
                .containsExactlyElementsOf(whole);
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2022-06-30"))
                        .keySet())
                .containsExactlyElementsOf(whole);
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2022-07")).keySet())
                .containsExactly("tf-vendor");
        // tf-f1 starts in 2020.
        assertThat(reached(Map.of("from", "tf-platform", "activeOn", "2019"))).isEmpty();
    }

    @Test
    void an_unknown_start_means_at_least_since_the_first_evidence() {
        // The seed's flows have no since; their earliest dated source is from 2023.
        assertThat(reached(Map.of("from", "x", "activeOn", "2022"))).isEmpty();
        assertThat(reached(Map.of("from", "x", "activeOn", "2023-07")).keySet())
                .contains("dataminr", "us-secret-service");
    }

    @Test
    void min_confidence_drops_chains_with_a_weaker_hop() {
        // tf-f5 (police -> feds) is only ALLEGED.
        assertThat(reached(Map.of("from", "tf-platform", "minConfidence", "CONFIRMED"))
                        .keySet())
                .containsExactly("tf-vendor", "tf-police");
        assertThat(reached(Map.of("from", "tf-platform", "minConfidence", "ALLEGED"))
                        .keySet())
                .containsExactly("tf-vendor", "tf-police", "tf-feds");
    }

    @Test
    void upstream_mirrors_downstream() {
        // Downstream, tf-platform reaches tf-feds in 3 lineage hops; upstream, tf-feds reaches tf-platform in 3.
        // tf-vendor is 1 hop upstream through tf-f9 (any first hop counts), but the vendor's own data there
        // does not derive from tf-platform's posts, so the lineage to tf-platform runs through tf-police.
        assertThat(reached(Map.of("from", "tf-feds", "direction", "UPSTREAM")))
                .containsExactly(Map.entry("tf-police", 1), Map.entry("tf-vendor", 1), Map.entry("tf-platform", 3));
        assertThat(paths(Map.of("from", "tf-feds", "direction", "UPSTREAM")))
                .contains(List.of("tf-feds", "tf-police", "tf-vendor", "tf-platform"))
                .doesNotContain(List.of("tf-feds", "tf-vendor", "tf-platform"));
        assertThat(reached(Map.of("from", "us-secret-service", "direction", "UPSTREAM")))
                .containsExactly(Map.entry("dataminr", 1), Map.entry("x", 2));
    }

    @Test
    void limits_cut_the_answer_and_say_so() {
        var cut = graphQl.documentName("trace")
                .variables(Map.of("from", "tf-platform", "limit", 1))
                .execute();
        cut.path("trace.truncated").entity(Boolean.class).isEqualTo(true);
        cut.path("trace.reached[*].organization.id").entityList(String.class).containsExactly("tf-vendor");
        cut.path("trace.paths[*].length").entityList(Integer.class).containsExactly(1);

        var whole = graphQl.documentName("trace")
                .variables(Map.of("from", "tf-platform"))
                .execute();
        whole.path("trace.truncated").entity(Boolean.class).isEqualTo(false);

        graphQl.documentName("trace")
                .variables(Map.of("from", "tf-platform", "maxPaths", 1))
                .execute()
                .path("trace.truncated")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void filters_narrow_what_is_reported_but_not_the_paths_walked() {
        assertThat(reached(Map.of("from", "tf-platform", "toKinds", List.of("AGENCY")))
                        .keySet())
                .containsExactly("tf-police", "tf-feds");
        assertThat(reached(Map.of("from", "tf-platform", "purposes", List.of("LAW_ENFORCEMENT")))
                        .keySet())
                .containsExactly("tf-police", "tf-feds");
        assertThat(reached(Map.of("from", "tf-platform", "categories", List.of("tf-alerts"))))
                .isEmpty();
        assertThat(reached(Map.of("from", "tf-platform", "categories", List.of("tf-posts")))
                        .keySet())
                .containsExactly("tf-vendor", "tf-police", "tf-feds");
    }

    @Test
    void every_hop_of_a_path_carries_its_flow_categories_dates_confidence_and_evidence() {
        var response =
                graphQl.documentName("trace").variables(Map.of("from", "x")).execute();
        response.path("trace.origin.id").entity(String.class).isEqualTo("x");
        response.path("trace.paths[2].organizations[*].id")
                .entityList(String.class)
                .containsExactly("x", "dataminr", "us-secret-service");
        response.path("trace.paths[2].flows[1].categories[0].id")
                .entity(String.class)
                .isEqualTo("first-alert-alerts");
        response.path("trace.paths[2].flows[1].via.id").entity(String.class).isEqualTo("first-alert");
        response.path("trace.paths[2].flows[1].confidence").entity(String.class).isEqualTo("REPORTED");
        response.path("trace.paths[2].flows[1].evidence[*].quote")
                .entityList(String.class)
                .satisfies(quotes ->
                        assertThat(quotes).anyMatch(q -> q != null && q.contains("whole point of this contract")));
        response.path("trace.reached[*].paths[*].length")
                .entityList(Integer.class)
                .containsExactly(1, 2, 2);
    }

    @Test
    void an_unknown_origin_is_not_found() {
        graphQl.documentName("trace")
                .variables(Map.of("from", "nobody-at-all"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(error.getMessage()).contains("nobody-at-all");
                }));
    }

    @Test
    void paths_gives_the_k_shortest_chains_shortest_first() {
        var response = graphQl.documentName("paths")
                .variables(Map.of("from", "tf-platform", "to", "tf-feds", "k", 3))
                .execute();
        response.path("paths[*].length").entityList(Integer.class).containsExactly(2, 3);
        response.path("paths[0].organizations[*].id")
                .entityList(String.class)
                .containsExactly("tf-platform", "tf-vendor", "tf-feds");
        response.path("paths[1].organizations[*].id")
                .entityList(String.class)
                .containsExactly("tf-platform", "tf-vendor", "tf-police", "tf-feds");
        graphQl.documentName("paths")
                .variables(Map.of("from", "tf-platform", "to", "tf-feds", "k", 1))
                .execute()
                .path("paths[*].length")
                .entityList(Integer.class)
                .containsExactly(2);
    }

    @Test
    void policy_conflicts_show_unknown_approved_and_not_approved_agreements() {
        var seed = graphQl.documentName("policyConflicts")
                .variable("platform", "x")
                .execute();
        seed.path("policyConflicts[*].flow.id")
                .entityList(String.class)
                .containsExactly(
                        "dataminr-to-law-enforcement-customers-first-alert",
                        "dataminr-to-us-secret-service-first-alert");
        seed.path("policyConflicts[*].approval").entityList(String.class).containsExactly("UNKNOWN", "UNKNOWN");
        seed.path("policyConflicts[1].policy.exception")
                .entity(String.class)
                .isEqualTo("explicitly approved by X in writing");
        seed.path("policyConflicts[1].path.organizations[*].id")
                .entityList(String.class)
                .containsExactly("x", "dataminr", "us-secret-service");
        seed.path("policyConflicts[1].evidence[*].quote")
                .entityList(String.class)
                .satisfies(quotes ->
                        assertThat(quotes).anyMatch(q -> q != null && q.contains("whole point of this contract")));

        approval("tf-platform", "UNKNOWN");
        approval("tf-platform2", "APPROVED");
        approval("tf-platform3", "NOT_APPROVED");
        graphQl.documentName("policyConflicts")
                .variable("platform", "tf-platform")
                .execute()
                .path("policyConflicts[*].flow.id")
                .entityList(String.class)
                .containsExactly("tf-f2", "tf-f5");
    }

    @Test
    void exposure_counts_agencies_by_jurisdiction_with_the_vendors_and_products_between() {
        var response =
                graphQl.documentName("exposure").variable("platform", "x").execute();
        response.path("exposure.agencies").entity(Integer.class).isEqualTo(2);
        response.path("exposure.byJurisdiction[*].jurisdiction")
                .entityList(String.class)
                .containsExactly("FEDERAL", "LOCAL", "STATE");
        response.path("exposure.byJurisdiction[0].agencies")
                .entity(Integer.class)
                .isEqualTo(2);
        response.path("exposure.byJurisdiction[1].groups[0].estimatedSize")
                .entity(String.class)
                .isEqualTo("dozens");
        response.path("exposure.vendors[*].id").entityList(String.class).containsExactly("dataminr");
        response.path("exposure.products[*].id").entityList(String.class).contains("first-alert");
        response.path("exposure.byKind[*].kind").entityList(String.class).containsExactly("VENDOR", "AGENCY");
    }

    private void approval(String platform, String expected) {
        graphQl.documentName("policyConflicts")
                .variable("platform", platform)
                .execute()
                .path("policyConflicts[*].approval")
                .entityList(String.class)
                .satisfies(approvals -> assertThat(approvals).isNotEmpty().containsOnly(expected));
    }

    /** Reached organization id to hop count, in the order the API gives them. */
    private Map<String, Integer> reached(Map<String, Object> variables) {
        var ids = graphQl.documentName("trace")
                .variables(variables)
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
        var hops = graphQl.documentName("trace")
                .variables(variables)
                .execute()
                .path("trace.reached[*].hops")
                .entityList(Integer.class)
                .get();
        var result = new LinkedHashMap<String, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            result.put(ids.get(i), hops.get(i));
        }
        return result;
    }

    private List<List<String>> paths(Map<String, Object> variables) {
        var response = graphQl.documentName("trace").variables(variables).execute();
        int count = response.path("trace.paths").entityList(Object.class).get().size();
        var paths = new ArrayList<List<String>>();
        for (int i = 0; i < count; i++) {
            paths.add(response.path("trace.paths[" + i + "].organizations[*].id")
                    .entityList(String.class)
                    .get());
        }
        return paths;
    }
}
