package org.dataflowatlas.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dataflowatlas.MutationChecks.evidence;
import static org.dataflowatlas.MutationChecks.rejectedWithoutWriting;
import static org.dataflowatlas.MutationChecks.secondSendChangesNothing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.MutationChecks;
import org.dataflowatlas.TestSupport;
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
 * publishPolicy, recordAgreement and their ends and retractions against the real embedded Neo4j,
 * and what policyConflicts makes of them. Every id starts with {@code pm-}; the class removes those
 * nodes (and their audit entries) before and after it runs.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyMutationGraphQlTest {

    private static final String PLATFORM = "pm-platform";
    private static final String VENDOR = "pm-vendor";
    private static final String AGENCY = "pm-agency";
    private static final String TERMS = "pm-terms";
    private static final String CONTRACT = "pm-contract";
    private static final String SALE = "pm-platform-to-vendor";
    private static final String ALERTS = "pm-vendor-to-agency";
    private static final String TERMS_QUOTE =
            "Developers may not use our data for law enforcement without our written approval.";
    private static final String CONTRACT_QUOTE =
            "The platform approves in writing the vendor's sale of alerts to the police.";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @BeforeAll
    void createThePlatformVendorAgencyFlowsAndSources() {
        MutationChecks.removeTestNodes(driver, "pm-");
        driver.executableQuery("""
                        MERGE (p:Organization:Platform {id: 'pm-platform'}) SET p.name = 'PM Platform', p.aliases = [], p.group = false
                        MERGE (v:Organization:Vendor {id: 'pm-vendor'}) SET v.name = 'PM Vendor', v.aliases = [], v.group = false
                        MERGE (a:Organization:Agency {id: 'pm-agency'}) SET a.name = 'PM Agency', a.aliases = [], a.group = false
                        MERGE (t:Source {id: 'pm-terms'}) SET t.title = 'PM terms', t.kind = 'STATEMENT'
                        MERGE (c:Source {id: 'pm-contract'}) SET c.title = 'PM contract', c.kind = 'CONTRACT'
                        MERGE (posts:DataCategory {id: 'pm-posts'}) SET posts.name = 'PM posts', posts.origin = 'pm-platform'
                        MERGE (alerts:DataCategory {id: 'pm-alerts'}) SET alerts.name = 'PM alerts', alerts.origin = 'pm-platform'
                        MERGE (alerts)-[:DERIVED_FROM]->(posts)
                        MERGE (f1:DataFlow {id: 'pm-platform-to-vendor'})
                          SET f1.purpose = 'COMMERCIAL', f1.accessMethod = 'API', f1.realTime = false, f1.confidence = 'CONFIRMED'
                        MERGE (p)-[:SENDS]->(f1)-[:TO]->(v)
                        MERGE (f1)-[:CARRIES]->(posts)
                        MERGE (f1)-[:EVIDENCED_BY {quote: 'The vendor buys every post.'}]->(c)
                        MERGE (f2:DataFlow {id: 'pm-vendor-to-agency'})
                          SET f2.purpose = 'LAW_ENFORCEMENT', f2.accessMethod = 'ALERTS', f2.realTime = true, f2.confidence = 'REPORTED'
                        MERGE (v)-[:SENDS]->(f2)-[:TO]->(a)
                        MERGE (f2)-[:CARRIES]->(alerts)
                        MERGE (f2)-[:EVIDENCED_BY {quote: 'The police receive alerts.'}]->(c)
                        """).execute();
        TestSupport.relink(driver);
    }

    @AfterAll
    void removeTestNodes() {
        MutationChecks.removeTestNodes(driver, "pm-");
    }

    @Test
    void a_published_policy_and_an_approving_agreement_turn_a_conflict_from_unknown_to_approved() {
        publishPolicy(policyInput("pm-policy-approved")).execute().errors().verify();
        assertThat(approvals()).containsExactly("UNKNOWN");

        recordAgreement(agreementInput("pm-agreement-approving", List.of("LAW_ENFORCEMENT")))
                .execute()
                .path("recordAgreement.approvedPurposes")
                .entityList(String.class)
                .containsExactly("LAW_ENFORCEMENT");

        var conflicts = conflicts();
        conflicts.path("policyConflicts[0].approval").entity(String.class).isEqualTo("APPROVED");
        conflicts.path("policyConflicts[0].policy.id").entity(String.class).isEqualTo("pm-policy-approved");
        conflicts.path("policyConflicts[0].flow.id").entity(String.class).isEqualTo(ALERTS);
        conflicts
                .path("policyConflicts[0].agreements[*].id")
                .entityList(String.class)
                .containsExactly("pm-agreement-approving");

        retractAgreement("pm-agreement-approving", "It was a draft.", List.of(evidence(CONTRACT, "DRAFT")))
                .execute()
                .path("retractAgreement.retracted")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(approvals()).as("a retracted agreement approves nothing").containsExactly("UNKNOWN");

        retractPolicy("pm-policy-approved", "Another platform's terms.", List.of(evidence(TERMS, "Other terms")))
                .execute()
                .errors()
                .verify();
        assertThat(approvals()).as("a retracted policy raises no conflict").isEmpty();
        MutationChecks.removeTestNodes(driver, "pm-policy-approved");
        MutationChecks.removeTestNodes(driver, "pm-agreement-approving");
    }

    @Test
    void an_agreement_whose_terms_are_known_and_approve_nothing_makes_the_conflict_not_approved() {
        publishPolicy(policyInput("pm-policy-known")).execute().errors().verify();
        recordAgreement(agreementInput("pm-agreement-approves-none", List.of()))
                .execute()
                .path("recordAgreement.approvedPurposes")
                .entityList(String.class)
                .hasSize(0);

        assertThat(approvals()).containsExactly("NOT_APPROVED");
        MutationChecks.removeTestNodes(driver, "pm-policy-known");
        MutationChecks.removeTestNodes(driver, "pm-agreement-approves-none");
    }

    @Test
    void publish_policy_writes_every_field_with_its_publisher_and_evidence() {
        var input = policyInput("pm-policy-fields");
        input.put("until", "2024-12");
        input.put("description", "What developers may not do.");

        var response = publishPolicy(input).execute();

        response.path("publishPolicy.id").entity(String.class).isEqualTo("pm-policy-fields");
        response.path("publishPolicy.title").entity(String.class).isEqualTo("PM developer terms");
        response.path("publishPolicy.prohibitedPurposes")
                .entityList(String.class)
                .containsExactly("LAW_ENFORCEMENT", "NATIONAL_SECURITY");
        response.path("publishPolicy.exception").entity(String.class).isEqualTo("unless approved in writing");
        response.path("publishPolicy.effective").entity(String.class).isEqualTo("2022-03");
        response.path("publishPolicy.until").entity(String.class).isEqualTo("2024-12");
        response.path("publishPolicy.description").entity(String.class).isEqualTo("What developers may not do.");
        response.path("publishPolicy.publisher.id").entity(String.class).isEqualTo(PLATFORM);
        response.path("publishPolicy.evidence[0].source.id")
                .entity(String.class)
                .isEqualTo(TERMS);
        response.path("publishPolicy.evidence[0].quote").entity(String.class).isEqualTo(TERMS_QUOTE);
        response.path("publishPolicy.retracted").entity(Boolean.class).isEqualTo(false);
        MutationChecks.removeTestNodes(driver, "pm-policy-fields");
    }

    @Test
    void publish_policy_again_keeps_absent_fields_and_adds_evidence() {
        publishPolicy(policyInput("pm-policy-again")).execute().errors().verify();
        var again = new LinkedHashMap<String, Object>();
        again.put("id", "pm-policy-again");
        again.put("publisher", PLATFORM);
        again.put("title", "PM developer terms, 2023 edition");
        again.put("evidence", List.of(evidence(CONTRACT, "The terms of 2023 still forbid police use.")));

        var response = publishPolicy(again).execute();

        response.path("publishPolicy.title").entity(String.class).isEqualTo("PM developer terms, 2023 edition");
        response.path("publishPolicy.prohibitedPurposes")
                .entityList(String.class)
                .containsExactly("LAW_ENFORCEMENT", "NATIONAL_SECURITY");
        response.path("publishPolicy.effective").entity(String.class).isEqualTo("2022-03");
        response.path("publishPolicy.evidence[*].source.id")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(TERMS, CONTRACT));
        MutationChecks.removeTestNodes(driver, "pm-policy-again");
    }

    @Test
    void publish_policy_sent_twice_changes_nothing_the_second_time() {
        secondSendChangesNothing(driver, publishPolicy(policyInput("pm-policy-twice")));
        MutationChecks.removeTestNodes(driver, "pm-policy-twice");
    }

    @Test
    void publish_policy_without_evidence_is_rejected_and_writes_nothing() {
        var input = policyInput("pm-policy-no-evidence");
        input.put("evidence", List.of());
        rejectedWithoutWriting(
                driver, publishPolicy(input), ErrorType.BAD_REQUEST, "input.evidence", "every fact needs a source");
    }

    @Test
    void publish_policy_by_an_unknown_publisher_is_not_found_and_writes_nothing() {
        var input = policyInput("pm-policy-unknown-publisher");
        input.put("publisher", "pm-no-such-org");
        rejectedWithoutWriting(driver, publishPolicy(input), ErrorType.NOT_FOUND, "pm-no-such-org");
    }

    @Test
    void publish_policy_ending_before_it_takes_effect_is_rejected_and_writes_nothing() {
        var input = policyInput("pm-policy-backwards");
        input.put("until", "2021");
        rejectedWithoutWriting(
                driver, publishPolicy(input), ErrorType.BAD_REQUEST, "input.until (2021)", "input.effective (2022-03)");
    }

    @Test
    void publish_policy_under_the_id_of_another_publishers_policy_is_rejected_and_writes_nothing() {
        publishPolicy(policyInput("pm-policy-taken")).execute().errors().verify();
        var input = policyInput("pm-policy-taken");
        input.put("publisher", VENDOR);
        rejectedWithoutWriting(
                driver, publishPolicy(input), ErrorType.BAD_REQUEST, "already the policy of 'pm-platform'");
        MutationChecks.removeTestNodes(driver, "pm-policy-taken");
    }

    @Test
    void end_policy_records_its_end_with_the_evidence() {
        publishPolicy(policyInput("pm-policy-ended")).execute().errors().verify();

        var response = endPolicy("pm-policy-ended", "2024-06", List.of(evidence(CONTRACT, "Replaced in June 2024.")))
                .execute();

        response.path("endPolicy.until").entity(String.class).isEqualTo("2024-06");
        response.path("endPolicy.evidence[*].quote")
                .entityList(String.class)
                .satisfies(list -> assertThat(list).containsExactlyInAnyOrder(TERMS_QUOTE, "Replaced in June 2024."));
        rejectedWithoutWriting(
                driver,
                endPolicy("pm-policy-ended", "2020", List.of(evidence(CONTRACT, "q"))),
                ErrorType.BAD_REQUEST,
                "until (2020)");
        rejectedWithoutWriting(
                driver,
                endPolicy("pm-no-such-policy", "2024", List.of(evidence(CONTRACT, "q"))),
                ErrorType.NOT_FOUND,
                "pm-no-such-policy");
        MutationChecks.removeTestNodes(driver, "pm-policy-ended");
    }

    @Test
    void retract_policy_keeps_it_marked_and_leaves_it_out_of_the_publishers_policies() {
        publishPolicy(policyInput("pm-policy-retracted")).execute().errors().verify();

        var response = retractPolicy(
                        "pm-policy-retracted", "Never published.", List.of(evidence(CONTRACT, "No such terms exist.")))
                .execute();

        response.path("retractPolicy.retracted").entity(Boolean.class).isEqualTo(true);
        response.path("retractPolicy.retraction.reason").entity(String.class).isEqualTo("Never published.");
        response.path("retractPolicy.retraction.evidence[0].quote")
                .entity(String.class)
                .isEqualTo("No such terms exist.");
        var views = views("pm-policy-retracted", "pm-no-agreement");
        views.path("policy.retracted").entity(Boolean.class).isEqualTo(true);
        views.path("policy.retraction.reason").entity(String.class).isEqualTo("Never published.");
        views.path("organization.policies[*].id").entityList(String.class).doesNotContain("pm-policy-retracted");
        secondSendChangesNothingAfterARetraction(retractPolicy(
                "pm-policy-retracted", "Never published.", List.of(evidence(CONTRACT, "No such terms exist."))));
        MutationChecks.removeTestNodes(driver, "pm-policy-retracted");
    }

    @Test
    void retract_policy_without_a_reason_or_of_an_unknown_policy_is_refused_and_writes_nothing() {
        publishPolicy(policyInput("pm-policy-kept")).execute().errors().verify();
        rejectedWithoutWriting(
                driver,
                retractPolicy("pm-policy-kept", " ", List.of(evidence(CONTRACT, "q"))),
                ErrorType.BAD_REQUEST,
                "reason");
        rejectedWithoutWriting(
                driver,
                retractPolicy("pm-no-such-policy", "r", List.of(evidence(CONTRACT, "q"))),
                ErrorType.NOT_FOUND,
                "pm-no-such-policy");
        MutationChecks.removeTestNodes(driver, "pm-policy-kept");
    }

    @Test
    void record_agreement_writes_its_parties_flows_dates_and_evidence() {
        var input = agreementInput("pm-agreement-fields", null);
        input.put("description", "Resale of alerts.");

        var response = recordAgreement(input).execute();

        response.path("recordAgreement.title").entity(String.class).isEqualTo("PM licence");
        response.path("recordAgreement.signed").entity(String.class).isEqualTo("2022-06");
        response.path("recordAgreement.expires").entity(String.class).isEqualTo("2025-06");
        response.path("recordAgreement.approvedPurposes").valueIsNull();
        response.path("recordAgreement.description").entity(String.class).isEqualTo("Resale of alerts.");
        response.path("recordAgreement.parties[*].id").entityList(String.class).containsExactly(PLATFORM, VENDOR);
        response.path("recordAgreement.covers[*].id").entityList(String.class).containsExactly(SALE);
        response.path("recordAgreement.evidence[0].quote").entity(String.class).isEqualTo(CONTRACT_QUOTE);
        response.path("recordAgreement.retracted").entity(Boolean.class).isEqualTo(false);
        MutationChecks.removeTestNodes(driver, "pm-agreement-fields");
    }

    @Test
    void record_agreement_sent_twice_changes_nothing_the_second_time() {
        secondSendChangesNothing(driver, recordAgreement(agreementInput("pm-agreement-twice", List.of("RESEARCH"))));
        MutationChecks.removeTestNodes(driver, "pm-agreement-twice");
    }

    @Test
    void record_agreement_with_one_party_an_unknown_flow_or_expiring_before_signing_is_refused_and_writes_nothing() {
        var oneParty = agreementInput("pm-agreement-bad", null);
        oneParty.put("parties", List.of(PLATFORM, PLATFORM));
        rejectedWithoutWriting(
                driver, recordAgreement(oneParty), ErrorType.BAD_REQUEST, "input.parties", "at least two");

        var unknownFlow = agreementInput("pm-agreement-bad", null);
        unknownFlow.put("covers", List.of("pm-no-such-flow"));
        rejectedWithoutWriting(driver, recordAgreement(unknownFlow), ErrorType.NOT_FOUND, "pm-no-such-flow");

        var backwards = agreementInput("pm-agreement-bad", null);
        backwards.put("expires", "2021");
        rejectedWithoutWriting(driver, recordAgreement(backwards), ErrorType.BAD_REQUEST, "input.expires (2021)");

        var noEvidence = agreementInput("pm-agreement-bad", null);
        noEvidence.put("evidence", List.of());
        rejectedWithoutWriting(driver, recordAgreement(noEvidence), ErrorType.BAD_REQUEST, "input.evidence");
    }

    @Test
    void end_and_retract_agreement_mark_it_and_it_leaves_the_flows_agreements() {
        recordAgreement(agreementInput("pm-agreement-ended", null))
                .execute()
                .errors()
                .verify();

        var ended = endAgreement(
                        "pm-agreement-ended", "2024-02", List.of(evidence(CONTRACT, "Terminated in February 2024.")))
                .execute();
        ended.path("endAgreement.expires").entity(String.class).isEqualTo("2024-02");
        ended.path("endAgreement.evidence[*].quote")
                .entityList(String.class)
                .satisfies(list ->
                        assertThat(list).containsExactlyInAnyOrder(CONTRACT_QUOTE, "Terminated in February 2024."));
        rejectedWithoutWriting(
                driver,
                endAgreement("pm-agreement-ended", "2020", List.of(evidence(CONTRACT, "q"))),
                ErrorType.BAD_REQUEST,
                "expires (2020)");

        var retracted = retractAgreement(
                        "pm-agreement-ended",
                        "Recorded against the wrong vendor.",
                        List.of(evidence(CONTRACT, "Not this vendor.")))
                .execute();
        retracted
                .path("retractAgreement.retraction.reason")
                .entity(String.class)
                .isEqualTo("Recorded against the wrong vendor.");
        var views = views("pm-no-policy", "pm-agreement-ended");
        views.path("agreement.retracted").entity(Boolean.class).isEqualTo(true);
        views.path("agreement.covers[*].id").entityList(String.class).containsExactly(SALE);
        views.path("flow.agreements[*].id").entityList(String.class).doesNotContain("pm-agreement-ended");
        MutationChecks.removeTestNodes(driver, "pm-agreement-ended");
    }

    // helpers

    private List<String> approvals() {
        return conflicts()
                .path("policyConflicts[*].approval")
                .entityList(String.class)
                .get();
    }

    private GraphQlTester.Response conflicts() {
        return graphQl.documentName("policyConflicts")
                .variable("platform", PLATFORM)
                .execute();
    }

    private GraphQlTester.Response views(String policy, String agreement) {
        return graphQl.documentName("policyViews")
                .variable("policy", policy)
                .variable("agreement", agreement)
                .variable("flow", SALE)
                .variable("publisher", PLATFORM)
                .execute();
    }

    /** A retraction sent again changes no fact. */
    private void secondSendChangesNothingAfterARetraction(GraphQlTester.Request<?> request) {
        var before = org.dataflowatlas.TestSupport.factFingerprint(driver);
        request.execute().errors().verify();
        assertThat(org.dataflowatlas.TestSupport.factFingerprint(driver)).isEqualTo(before);
    }

    private static LinkedHashMap<String, Object> policyInput(String id) {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", id);
        input.put("publisher", PLATFORM);
        input.put("title", "PM developer terms");
        input.put("prohibitedPurposes", List.of("LAW_ENFORCEMENT", "NATIONAL_SECURITY"));
        input.put("exception", "unless approved in writing");
        input.put("effective", "2022-03");
        input.put("evidence", List.of(evidence(TERMS, TERMS_QUOTE)));
        return input;
    }

    private static LinkedHashMap<String, Object> agreementInput(String id, List<String> approvedPurposes) {
        var input = new LinkedHashMap<String, Object>();
        input.put("id", id);
        input.put("title", "PM licence");
        input.put("parties", List.of(PLATFORM, VENDOR));
        input.put("signed", "2022-06");
        input.put("expires", "2025-06");
        if (approvedPurposes != null) {
            input.put("approvedPurposes", approvedPurposes);
        }
        input.put("covers", List.of(SALE));
        input.put("evidence", List.of(evidence(CONTRACT, CONTRACT_QUOTE)));
        return input;
    }

    private GraphQlTester.Request<?> publishPolicy(Map<String, Object> input) {
        return graphQl.documentName("mutationPublishPolicy").variable("input", input);
    }

    private GraphQlTester.Request<?> endPolicy(String id, String until, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationEndPolicy")
                .variable("id", id)
                .variable("until", until)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> retractPolicy(String id, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractPolicy")
                .variable("id", id)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> recordAgreement(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordAgreement").variable("input", input);
    }

    private GraphQlTester.Request<?> endAgreement(String id, String expires, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationEndAgreement")
                .variable("id", id)
                .variable("expires", expires)
                .variable("evidence", evidence);
    }

    private GraphQlTester.Request<?> retractAgreement(String id, String reason, List<Map<String, String>> evidence) {
        return graphQl.documentName("mutationRetractAgreement")
                .variable("id", id)
                .variable("reason", reason)
                .variable("evidence", evidence);
    }
}
