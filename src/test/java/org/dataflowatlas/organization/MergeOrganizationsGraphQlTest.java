package org.dataflowatlas.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dataflowatlas.MutationChecks.evidence;
import static org.dataflowatlas.MutationChecks.rejectedWithoutWriting;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.MutationChecks;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/**
 * mergeOrganizations against the real embedded Neo4j: one agency recorded twice (as two datasets
 * would) becomes one, with every fact moved and the old id still found. Each test starts from the
 * same fixture; every id starts with {@code mo-}.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MergeOrganizationsGraphQlTest {

    private static final String KEEP = "mo-county-police";
    private static final String DUPLICATE = "mo-county-pd";
    private static final String REASON = "Both datasets name the same county police department.";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    /**
     * The kept agency receives alerts from a vendor and publishes a policy; the duplicate (as a camera
     * dataset names it) shares its camera reads with a neighbour, receives the same vendor's alerts
     * under a second flow, has a chief, is the origin of its reads' category, is involved in an event
     * and has an earlier duplicate merged into it.
     */
    @BeforeEach
    void createTheAgencyRecordedTwice() {
        MutationChecks.removeTestNodes(driver, "mo-");
        driver.executableQuery("""
                        MERGE (k:Organization:Agency {id: 'mo-county-police'})
                          SET k.name = 'MO County Police', k.aliases = ['County Police'], k.group = false,
                              k.jurisdiction = 'LOCAL', k.description = 'Police of MO County.'
                        MERGE (d:Organization:Agency {id: 'mo-county-pd'})
                          SET d.name = 'MO County PD', d.aliases = ['MOCPD'], d.group = false,
                              d.jurisdiction = 'LOCAL', d.country = 'US'
                        MERGE (v:Organization:Vendor {id: 'mo-vendor'}) SET v.name = 'MO Vendor', v.aliases = [], v.group = false
                        MERGE (n:Organization:Agency {id: 'mo-neighbour'}) SET n.name = 'MO Neighbour', n.aliases = [], n.group = false
                        MERGE (old:MergedOrganization {id: 'mo-county-sheriff-office', name: 'MO County Sheriff Office'})
                        MERGE (old)-[:MERGED_INTO {reason: 'earlier', sources: ['mo-dataset'], quotes: ['same']}]->(d)
                        MERGE (src:Source {id: 'mo-dataset'}) SET src.title = 'MO dataset', src.kind = 'DATASET'
                        MERGE (alerts:DataCategory {id: 'mo-alerts'}) SET alerts.name = 'MO alerts'
                        MERGE (reads:DataCategory {id: 'mo-county-pd-reads'}) SET reads.name = 'MO reads', reads.origin = 'mo-county-pd'
                        MERGE (f1:DataFlow {id: 'mo-vendor-to-county-police'})
                          SET f1.purpose = 'LAW_ENFORCEMENT', f1.accessMethod = 'ALERTS', f1.realTime = true, f1.confidence = 'REPORTED'
                        MERGE (v)-[:SENDS]->(f1)-[:TO]->(k)
                        MERGE (f1)-[:CARRIES]->(alerts)
                        MERGE (f1)-[:EVIDENCED_BY {quote: 'alerts'}]->(src)
                        MERGE (f2:DataFlow {id: 'mo-county-pd-to-neighbour'})
                          SET f2.purpose = 'LAW_ENFORCEMENT', f2.accessMethod = 'SHARED_NETWORK', f2.realTime = false, f2.confidence = 'CONFIRMED'
                        MERGE (d)-[:SENDS]->(f2)-[:TO]->(n)
                        MERGE (f2)-[:CARRIES]->(reads)
                        MERGE (f2)-[:EVIDENCED_BY {quote: 'shares'}]->(src)
                        MERGE (p:Policy {id: 'mo-county-police-policy'}) SET p.title = 'MO camera policy', p.prohibitedPurposes = []
                        MERGE (k)-[:PUBLISHES]->(p)
                        MERGE (chief:Person {id: 'mo-chief'}) SET chief.name = 'MO Chief'
                        MERGE (chief)-[:ROLE {title: 'chief', sources: ['mo-dataset'], quote: 'the chief'}]->(d)
                        MERGE (chief)-[:ROLE {title: 'chief', sources: ['mo-dataset'], quotes: ['chief of police']}]->(k)
                        MERGE (e:Event {id: 'mo-audit'}) SET e.title = 'MO camera audit', e.date = '2024'
                        MERGE (e)-[:INVOLVES]->(d)
                        MERGE (e)-[:INVOLVES]->(k)
                        MERGE (e)-[:EVIDENCED_BY {quote: 'audit'}]->(src)
                        """).execute();
    }

    @AfterEach
    void removeTestNodes() {
        MutationChecks.removeTestNodes(driver, "mo-");
    }

    @Test
    void merging_moves_every_fact_to_the_kept_agency_and_keeps_the_duplicates_names_and_id() {
        var merged = merge(KEEP, DUPLICATE).execute();

        merged.path("mergeOrganizations.id").entity(String.class).isEqualTo(KEEP);
        merged.path("mergeOrganizations.name").entity(String.class).isEqualTo("MO County Police");
        merged.path("mergeOrganizations.aliases")
                .entityList(String.class)
                .containsExactly("County Police", "MO County PD", "MOCPD");
        merged.path("mergeOrganizations.country").entity(String.class).isEqualTo("US");
        merged.path("mergeOrganizations.description").entity(String.class).isEqualTo("Police of MO County.");
        merged.path("mergeOrganizations.mergedIds")
                .entityList(String.class)
                .containsExactly("mo-county-pd", "mo-county-sheriff-office");
        merged.path("mergeOrganizations.flowsOut[*].id")
                .entityList(String.class)
                .containsExactly("mo-county-pd-to-neighbour");
        merged.path("mergeOrganizations.flowsIn[*].id")
                .entityList(String.class)
                .containsExactly("mo-vendor-to-county-police");
        merged.path("mergeOrganizations.policies[*].id")
                .entityList(String.class)
                .containsExactly("mo-county-police-policy");
        // The chief's role was recorded on both: one role, with the evidence of both.
        merged.path("mergeOrganizations.roles[*].title")
                .entityList(String.class)
                .containsExactly("chief");
        merged.path("mergeOrganizations.roles[0].evidence[*].quote")
                .entityList(String.class)
                .containsExactly("chief of police", "the chief");

        var views = mergedOrganization(DUPLICATE);
        views.path("organization.id").entity(String.class).isEqualTo(KEEP);
        views.path("trace.origin.id").entity(String.class).isEqualTo(KEEP);
        views.path("trace.reached[*].organization.id").entityList(String.class).containsExactly("mo-neighbour");
        views.path("upstream.reached[*].organization.id")
                .entityList(String.class)
                .containsExactly("mo-vendor");
        views.path("timeline[*].title").entityList(String.class).contains("MO camera audit");
        views.path("flow.from.id").entity(String.class).isEqualTo(KEEP);
        views.path("category.origin").entity(String.class).isEqualTo(KEEP);
        views.path("policyConflicts").entityList(Object.class).hasSize(0);
        mergedOrganization("mo-county-sheriff-office")
                .path("organization.id")
                .entity(String.class)
                .isEqualTo(KEEP);

        assertThat(MutationChecks.strings(driver, """
                        MATCH (d:MergedOrganization {id: 'mo-county-pd'})-[m:MERGED_INTO]->(k:Organization)
                        WHERE NOT d:Organization AND NOT d:Agency
                        RETURN k.id + ': ' + m.reason + ' / ' + m.quotes[0] + ' / ' + d.name
                               + ' / relationships: ' + toString(COUNT { (d)--() }) AS v
                        """, Map.of()))
                .as("the duplicate is kept, with the reason and evidence, and holds no fact any more")
                .containsExactly(KEEP + ": " + REASON + " / The two rows share an address. / MO County PD"
                        + " / relationships: 1");
        assertThat(MutationChecks.strings(
                        driver, "MATCH (:Event {id: 'mo-audit'})-[:INVOLVES]->(o) RETURN o.id AS v", Map.of()))
                .as("a fact on both is one fact afterwards")
                .containsExactly(KEEP);
        graphQl.documentName("auditLog")
                .variable("entity", DUPLICATE)
                .execute()
                .path("auditLog.edges[0].node.operation")
                .entity(String.class)
                .isEqualTo("mergeOrganizations");
    }

    @Test
    void writes_naming_the_merged_id_reach_the_kept_organization_and_it_cannot_be_recreated() {
        merge(KEEP, DUPLICATE).execute().errors().verify();

        graphQl.document("""
                        mutation { recordFlow(input: {id: "mo-neighbour-to-county", from: "mo-neighbour", to: "mo-county-pd",
                          categories: [{id: "mo-alerts"}], purpose: LAW_ENFORCEMENT, accessMethod: SHARED_NETWORK,
                          confidence: REPORTED, evidence: [{source: "mo-dataset", quote: "shares back"}]}) { to { id } } }
                        """)
                .execute()
                .path("recordFlow.to.id")
                .entity(String.class)
                .isEqualTo(KEEP);
        rejectedWithoutWriting(
                driver,
                graphQl.document(
                        "mutation { upsertOrganization(input: {id: \"mo-county-pd\", name: \"MO again\"}) { id } }"),
                ErrorType.BAD_REQUEST,
                "was merged into 'mo-county-police'",
                "update 'mo-county-police' instead");
    }

    @Test
    void merging_again_changes_nothing() {
        merge(KEEP, DUPLICATE).execute().errors().verify();
        var before = TestSupport.factFingerprint(driver);
        long audited = TestSupport.auditEntries(driver);

        merge(KEEP, DUPLICATE)
                .execute()
                .path("mergeOrganizations.id")
                .entity(String.class)
                .isEqualTo(KEEP);

        assertThat(TestSupport.factFingerprint(driver)).isEqualTo(before);
        assertThat(TestSupport.auditEntries(driver)).isEqualTo(audited + 1);
    }

    @Test
    void a_merge_that_would_lose_a_field_is_refused_naming_it_and_writes_nothing() {
        driver.executableQuery("MATCH (k:Organization {id: $id}) SET k.country = 'CA'")
                .withParameters(Map.of("id", KEEP))
                .execute();
        rejectedWithoutWriting(
                driver,
                merge(KEEP, DUPLICATE),
                ErrorType.BAD_REQUEST,
                "would lose information",
                "country differs ('mo-county-police' has 'CA', 'mo-county-pd' has 'US')",
                "upsertOrganization");
    }

    @Test
    void a_merge_of_different_kinds_is_refused_naming_both() {
        rejectedWithoutWriting(
                driver,
                merge(KEEP, "mo-vendor"),
                ErrorType.BAD_REQUEST,
                "kind differs ('mo-county-police' is AGENCY, 'mo-vendor' is VENDOR)");
    }

    @Test
    void a_merge_of_organizations_with_flows_between_them_is_refused_naming_the_flows() {
        var message = errorOf(merge("mo-neighbour", DUPLICATE));
        assertThat(message)
                .contains("flow 'mo-county-pd-to-neighbour' runs between the two")
                .contains("retractFlow");
    }

    @Test
    void a_merge_with_the_same_fact_differing_on_both_is_refused_naming_the_difference() {
        driver.executableQuery("""
                        MATCH (:Person {id: 'mo-chief'})-[r:ROLE {title: 'chief'}]->(o:Organization)
                        SET r.since = CASE o.id WHEN 'mo-county-pd' THEN '2019' ELSE '2021' END
                        """).execute();
        rejectedWithoutWriting(
                driver,
                merge(KEEP, DUPLICATE),
                ErrorType.BAD_REQUEST,
                "both have ROLE from 'mo-chief' with different since ('2021' for 'mo-county-police', '2019' for 'mo-county-pd')");
    }

    @Test
    void a_merge_needs_two_known_organizations_a_reason_and_evidence() {
        rejectedWithoutWriting(driver, merge(KEEP, "mo-nobody"), ErrorType.NOT_FOUND, "duplicate 'mo-nobody'");
        rejectedWithoutWriting(driver, merge(KEEP, KEEP), ErrorType.BAD_REQUEST, "keep and duplicate are both");
        rejectedWithoutWriting(
                driver,
                graphQl.documentName("mutationMergeOrganizations")
                        .variable("keep", KEEP)
                        .variable("duplicate", DUPLICATE)
                        .variable("reason", REASON)
                        .variable("evidence", List.of()),
                ErrorType.BAD_REQUEST,
                "every fact needs a source");
    }

    private String errorOf(GraphQlTester.Request<?> request) {
        var before = TestSupport.fingerprint(driver);
        var message = new StringBuilder();
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            assertThat(errors.getFirst().getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            message.append(errors.getFirst().getMessage());
        });
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        return message.toString();
    }

    private GraphQlTester.Request<?> merge(String keep, String duplicate) {
        return graphQl.documentName("mutationMergeOrganizations")
                .variable("keep", keep)
                .variable("duplicate", duplicate)
                .variable("reason", REASON)
                .variable("evidence", List.of(evidence("mo-dataset", "The two rows share an address.")));
    }

    private GraphQlTester.Response mergedOrganization(String id) {
        return graphQl.documentName("mergedOrganization")
                .variable("id", id)
                .variable("flow", "mo-county-pd-to-neighbour")
                .variable("category", "mo-county-pd-reads")
                .execute();
    }
}
