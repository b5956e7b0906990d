package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Known time ({@code asKnownOn}) over a fixture that separates it from valid time
 * (fixtures/known-time-fixture.cypher): a flow active since 2019 but first evidenced in 2023,
 * partial and missing publication dates, an end and a retraction evidenced later than their flows.
 */
@AtlasIntegrationTest
class KnownTimeGraphQlTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(new ClassPathResource("fixtures/known-time-fixture.cypher"));
    }

    @Test
    void without_a_known_date_the_trace_is_todays_picture() {
        assertThat(reached(Map.of()))
                .containsExactly(Map.entry("kt-vendor", 1), Map.entry("kt-agency", 2), Map.entry("kt-undated", 2));
        assertThat(undatedLeftOut(Map.of())).isZero();
    }

    @Test
    void before_the_first_evidence_was_published_nothing_was_known() {
        // The flow runs since 2019, but its only source is dated 2023, which counts from 2023-12-31.
        assertThat(reached(Map.of("asKnownOn", "2023-06"))).isEmpty();
        assertThat(reached(Map.of("asKnownOn", "2023-12-30"))).isEmpty();
        assertThat(reached(Map.of("asKnownOn", "2023-12-31"))).containsKey("kt-vendor");
    }

    @Test
    void a_partial_publication_date_counts_from_its_last_day_and_undated_evidence_never_counts() {
        // The agency flow's sources: one dated 2024-03 (from 2024-03-31) and an undated memo.
        assertThat(reached(Map.of("asKnownOn", "2024-03-30"))).doesNotContainKey("kt-agency");
        assertThat(reached(Map.of("asKnownOn", "2024-03"))).containsKey("kt-agency");
        // The flow to kt-undated has only the undated memo: never known, and counted as left out.
        assertThat(reached(Map.of("asKnownOn", "2030"))).doesNotContainKey("kt-undated");
        assertThat(undatedLeftOut(Map.of("asKnownOn", "2030"))).isEqualTo(1);
    }

    @Test
    void a_retraction_counts_only_once_its_own_evidence_was_published() {
        // kt-f4 was known from 2023-06-15 and retracted on evidence published 2025-02.
        assertThat(reached(Map.of("asKnownOn", "2023")))
                .containsExactly(Map.entry("kt-vendor", 1), Map.entry("kt-other", 2));
        assertThat(reached(Map.of("asKnownOn", "2025-01"))).containsKey("kt-other");
        assertThat(reached(Map.of("asKnownOn", "2025-02"))).doesNotContainKey("kt-other");
        assertThat(reached(Map.of())).doesNotContainKey("kt-other");
    }

    @Test
    void an_end_date_counts_only_once_its_evidence_was_published_and_composes_with_active_on() {
        // kt-f2 ended 2024-06; the notice saying so is dated 2025 (from 2025-12-31).
        assertThat(reached(Map.of("activeOn", "2024-09"))).doesNotContainKey("kt-agency");
        assertThat(reached(Map.of("activeOn", "2024-09", "asKnownOn", "2024-12")))
                .containsKey("kt-agency");
        assertThat(reached(Map.of("activeOn", "2024-09", "asKnownOn", "2026"))).doesNotContainKey("kt-agency");
        // Active in 2022 (kt-f2 starts 2023) as known in 2026: the vendor only.
        assertThat(reached(Map.of("activeOn", "2022", "asKnownOn", "2026"))).containsOnlyKeys("kt-vendor");
    }

    @Test
    void upstream_traces_read_the_same_known_time() {
        var variables = new HashMap<String, Object>(Map.of("from", "kt-agency", "direction", "UPSTREAM"));
        assertThat(reachedFrom(variables)).containsExactly(Map.entry("kt-vendor", 1), Map.entry("kt-platform", 2));
        variables.put("asKnownOn", "2024-02");
        assertThat(reachedFrom(variables)).isEmpty();
    }

    @Test
    void paths_leave_out_flows_not_yet_known() {
        assertThat(paths("kt-agency", Map.of())).containsExactly(List.of("kt-f1", "kt-f2"));
        assertThat(paths("kt-agency", Map.of("asKnownOn", "2024-02"))).isEmpty();
        assertThat(paths("kt-undated", Map.of())).containsExactly(List.of("kt-f1", "kt-f3"));
        assertThat(paths("kt-undated", Map.of("asKnownOn", "2030"))).isEmpty();
    }

    @Test
    void exposure_counts_the_agencies_known_then_and_the_undated_flows_left_out() {
        var now = graphQl.documentName("exposureAsOf")
                .variable("platform", "kt-platform")
                .execute();
        now.path("exposure.agencies").entity(Integer.class).isEqualTo(2);
        now.path("exposure.undatedLeftOut").entity(Integer.class).isEqualTo(0);
        var then = graphQl.documentName("exposureAsOf")
                .variable("platform", "kt-platform")
                .variable("asKnownOn", "2023")
                .execute();
        then.path("exposure.agencies").entity(Integer.class).isEqualTo(1);
        then.path("exposure.byJurisdiction[0].jurisdiction")
                .entity(String.class)
                .isEqualTo("STATE");
        then.path("exposure.undatedLeftOut").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void policy_conflicts_appear_once_the_policy_and_the_offending_flow_were_known() {
        assertThat(conflicts(Map.of())).containsExactlyInAnyOrder("kt-f2", "kt-f3");
        assertThat(conflicts(Map.of("asKnownOn", "2023-06"))).isEmpty();
        // The policy was known from 2022, kt-f4 from mid-2023 until its retraction became known.
        assertThat(conflicts(Map.of("asKnownOn", "2023"))).containsExactly("kt-f4");
        assertThat(conflicts(Map.of("asKnownOn", "2025-06"))).containsExactly("kt-f2");
    }

    @Test
    void policy_conflicts_need_the_policy_known_too() {
        // Everything on the path known, the policy's terms page published in 2022: known on 2021, no policy.
        loader.load(new ClassPathResource("fixtures/known-time-fixture.cypher"));
        assertThat(conflicts(Map.of("asKnownOn", "2021"))).isEmpty();
    }

    @Test
    void flows_listed_as_known_on_a_date() {
        var ids = graphQl.documentName("flows")
                .variable("filter", Map.of("from", "kt-vendor", "asKnownOn", "2023"))
                .execute()
                .path("flows.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(ids).containsExactly("kt-f4");
        var withRetracted = graphQl.documentName("flows")
                .variable("filter", Map.of("from", "kt-vendor", "asKnownOn", "2025-06", "includeRetracted", true))
                .execute()
                .path("flows.edges[*].node.id")
                .entityList(String.class)
                .get();
        assertThat(withRetracted).containsExactly("kt-f2", "kt-f4");
    }

    @Test
    void the_timeline_tells_what_was_known_then() {
        var now = timeline(Map.of());
        assertThat(now).contains("FLOW_END kt-f2", "FLOW_RETRACTED kt-f4", "FLOW_START kt-f3");
        var in2024 = timeline(Map.of("asKnownOn", "2024-06"));
        assertThat(in2024)
                .contains("FLOW_START kt-f1", "FLOW_START kt-f2", "FLOW_START kt-f4")
                .doesNotContain("FLOW_END kt-f2", "FLOW_RETRACTED kt-f4", "FLOW_START kt-f3");
    }

    @Test
    void trace_changes_in_known_time_name_the_sources_whose_publication_changed_the_trace() {
        var earlier = graphQl.documentName("traceChanges")
                .variables(Map.of("from", "kt-platform", "time", "KNOWN", "since", "2023-06", "until", "2023"))
                .execute();
        earlier.path("traceChanges.gained[*].organization.id")
                .entityList(String.class)
                .containsExactly("kt-vendor", "kt-other");
        earlier.path("traceChanges.gained[0].causes[*].source.id")
                .entityList(String.class)
                .containsExactly("kt-report");
        earlier.path("traceChanges.gained[0].causes[0].at").entity(String.class).isEqualTo("2023-12-31");
        // kt-other's own flow was known from mid-June; what opened the path to it was the report.
        earlier.path("traceChanges.gained[1].causes[*].source.id")
                .entityList(String.class)
                .containsExactly("kt-report");
        earlier.path("traceChanges.lost").entityList(Object.class).hasSize(0);

        var later = graphQl.documentName("traceChanges")
                .variables(Map.of("from", "kt-platform", "time", "KNOWN", "since", "2024-12", "until", "2025-06"))
                .execute();
        later.path("traceChanges.gained").entityList(Object.class).hasSize(0);
        later.path("traceChanges.lost[*].organization.id")
                .entityList(String.class)
                .containsExactly("kt-other");
        later.path("traceChanges.lost[0].causes[*].kind")
                .entityList(String.class)
                .containsExactly("RETRACTION_PUBLISHED");
        later.path("traceChanges.lost[0].causes[0].source.id")
                .entity(String.class)
                .isEqualTo("kt-correction");

        // Active on 2024-09: the agency flow's end (2024-06) became known with the 2025 notice.
        var ended = graphQl.documentName("traceChanges")
                .variables(Map.of(
                        "from",
                        "kt-platform",
                        "time",
                        "KNOWN",
                        "since",
                        "2024-12",
                        "until",
                        "2026",
                        "activeOn",
                        "2024-09"))
                .execute();
        ended.path("traceChanges.lost[*].organization.id")
                .entityList(String.class)
                .contains("kt-agency");
        ended.path("traceChanges.lost[*].causes[*].kind")
                .entityList(String.class)
                .contains("END_PUBLISHED");
        ended.path("traceChanges.lost[*].causes[*].source.id")
                .entityList(String.class)
                .contains("kt-notice");
    }

    @Test
    void a_known_date_or_instant_that_is_not_one_is_refused_with_the_form_to_write() {
        graphQl.documentName("traceAsOf")
                .variables(Map.of("from", "kt-platform", "asKnownOn", "June 2023"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError);
                    assertThat(error.getMessage()).contains("asKnownOn", "YYYY-MM");
                }));
        graphQl.documentName("traceAsOf")
                .variables(Map.of("from", "kt-platform", "recordedAsOf", "yesterday"))
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(graphql.ErrorType.ValidationError);
                    assertThat(error.getMessage()).contains("recordedAsOf", "2026-12-01T09:30:00Z");
                }));
    }

    private Map<String, Integer> reached(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", "kt-platform");
        return reachedFrom(all);
    }

    private Map<String, Integer> reachedFrom(Map<String, Object> variables) {
        var response = graphQl.documentName("traceAsOf").variables(variables).execute();
        var ids = response.path("trace.reached[*].organization.id")
                .entityList(String.class)
                .get();
        var hops =
                response.path("trace.reached[*].hops").entityList(Integer.class).get();
        var reached = new java.util.LinkedHashMap<String, Integer>();
        for (int i = 0; i < ids.size(); i++) {
            reached.put(ids.get(i), hops.get(i));
        }
        return reached;
    }

    private int undatedLeftOut(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", "kt-platform");
        return graphQl.documentName("traceAsOf")
                .variables(all)
                .execute()
                .path("trace.undatedLeftOut")
                .entity(Integer.class)
                .get();
    }

    private List<List<String>> paths(String to, Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("from", "kt-platform");
        all.put("to", to);
        var response = graphQl.documentName("pathsAsOf").variables(all).execute();
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
        all.put("platform", "kt-platform");
        return graphQl.documentName("policyConflictsAsOf")
                .variables(all)
                .execute()
                .path("policyConflicts[*].flow.id")
                .entityList(String.class)
                .get();
    }

    private List<String> timeline(Map<String, Object> variables) {
        var all = new HashMap<String, Object>(variables);
        all.put("entity", "kt-vendor");
        var response = graphQl.documentName("timelineAsOf").variables(all).execute();
        var kinds = response.path("timeline[*].kind").entityList(String.class).get();
        var subjects =
                response.path("timeline[*].subject.id").entityList(String.class).get();
        var entries = new java.util.ArrayList<String>();
        for (int i = 0; i < kinds.size(); i++) {
            entries.add(kinds.get(i) + " " + subjects.get(i));
        }
        return entries;
    }
}
