package org.dataflowatlas.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.bench.StatementCounter;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.AccessMode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/** No N+1: the number of Cypher statements per request does not grow with the answer; reads run in read transactions. */
@AtlasIntegrationTest
class QueryEfficiencyTest {

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    StatementCounter counter;

    @Autowired
    CypherScriptLoader loader;

    @BeforeEach
    void loadFixture() {
        loader.load(new ClassPathResource("fixtures/trace-fixture.cypher"));
    }

    @Test
    void a_wide_nested_organizations_page_costs_the_same_few_statements_as_a_narrow_one() {
        // One organization whose data goes two hops: the organizations page, then flowsOut at each level;
        // the flows bring their recipients, so `to` costs nothing.
        int narrow = statementsFor("wideOrganizations", Map.of("first", 1, "filter", Map.of("text", "tf-platform")));
        // Every organization: no more (the per-request loader cache may save the second level's, when
        // the first already loaded the flows of every organization it reaches).
        int wide = statementsFor("wideOrganizations", Map.of("first", 50));
        assertThat(narrow).isEqualTo(3);
        assertThat(wide).isLessThanOrEqualTo(narrow);
        graphQl.documentName("wideOrganizations")
                .variable("first", 50)
                .execute()
                .path("organizations.edges")
                .entityList(Object.class)
                .satisfies(edges -> assertThat(edges).hasSizeGreaterThan(15));
    }

    @Test
    void the_ends_of_flows_found_by_id_are_loaded_only_for_flows_that_did_not_bring_them() {
        // `flows` brings each flow's ends, so from and to cost nothing more: one statement in all.
        int page = statementsFor("flowEnds", Map.of());
        assertThat(page).isEqualTo(1);
        graphQl.documentName("flowEnds")
                .execute()
                .path("flows.edges[*].node.to.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).isNotEmpty().doesNotContainNull());
    }

    @Test
    void a_trace_with_evidence_costs_a_statement_per_hop_walked_whatever_its_width() {
        // One statement per hop walked, one for the nodes of the paths kept beyond the first hop (which
        // brings its own), then categories, product and evidence of every flow together.
        // x's lineage ends at its third hop (nothing passes on what the Secret Service received);
        // tf-platform's reachability has paths of four lengths and many more flows.
        int narrow = statementsFor("traceWithEvidence", Map.of("from", "x", "mode", "LINEAGE"));
        int wide = statementsFor("traceWithEvidence", Map.of("from", "tf-platform", "mode", "REACHABILITY"));
        assertThat(narrow).isEqualTo(3 + 1 + 1);
        assertThat(wide).isEqualTo(4 + 1 + 1);
        int oneHop =
                statementsFor("traceWithEvidence", Map.of("from", "tf-platform", "mode", "REACHABILITY", "maxHops", 1));
        assertThat(oneHop).isEqualTo(1 + 0 + 1);
    }

    @Test
    @WithMockUser(username = "test-editor", roles = "EDITOR")
    void queries_run_in_read_transactions_and_mutations_in_write_transactions() {
        counter.reset();
        graphQl.documentName("traceWithEvidence")
                .variables(Map.of("from", "x", "mode", "LINEAGE"))
                .execute()
                .path("trace.reached")
                .entityList(Object.class)
                .hasSizeGreaterThan(0);
        assertThat(counter.sessionModes()).isNotEmpty().containsOnly(AccessMode.READ);

        counter.reset();
        graphQl.document("""
                        mutation { upsertOrganization(input: {id: "qe-probe", name: "Read/write probe", kind: COMPANY}) { id } }
                        """)
                .execute()
                .path("upsertOrganization.id")
                .entity(String.class)
                .isEqualTo("qe-probe");
        assertThat(counter.sessionModes()).contains(AccessMode.WRITE);
    }

    private int statementsFor(String document, Map<String, Object> variables) {
        counter.reset();
        graphQl.documentName(document).variables(variables).execute().errors().verify();
        return counter.statements();
    }
}
