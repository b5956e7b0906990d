package org.dataflowatlas.organization;

import static org.assertj.core.api.Assertions.assertThat;
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
 * upsertPerson, roles, ownership and agencies part of agencies, with their ends and retractions,
 * against the real embedded Neo4j. Every id starts with {@code am-}; the class removes those nodes
 * (and their audit entries) before and after it runs.
 */
@AtlasIntegrationTest
@WithMockUser(username = "test-editor", roles = "EDITOR")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AffiliationMutationGraphQlTest {

    private static final String FILING = "am-filing";
    private static final String LETTER = "am-letter";
    private static final String FILING_QUOTE = "The board appointed the counsel in 2019.";

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Driver driver;

    @BeforeAll
    void createOrganizationsAndSources() {
        MutationChecks.removeTestNodes(driver, "am-");
        driver.executableQuery("""
                        MERGE (:Organization:Company {id: 'am-company', name: 'AM Company', aliases: [], group: false})
                        MERGE (:Organization:Company {id: 'am-holding', name: 'AM Holding', aliases: [], group: false})
                        MERGE (:Organization:Agency {id: 'am-bureau', name: 'AM Bureau', aliases: [], group: false})
                        MERGE (:Organization:Agency {id: 'am-department', name: 'AM Department', aliases: [], group: false})
                        MERGE (:Organization:Agency {id: 'am-ministry', name: 'AM Ministry', aliases: [], group: false})
                        MERGE (:Person {id: 'am-counsel', name: 'AM Counsel'})
                        MERGE (:Source {id: 'am-filing', title: 'AM filing', kind: 'COURT_FILING'})
                        MERGE (:Source {id: 'am-letter', title: 'AM letter', kind: 'EMAIL'})
                        """).execute();
    }

    @AfterAll
    void removeTestNodes() {
        MutationChecks.removeTestNodes(driver, "am-");
    }

    // upsertPerson

    @Test
    void upsert_person_creates_a_person_and_keeps_absent_fields_when_sent_again() {
        upsertPerson(Map.of(
                        "id", "am-person-new",
                        "name", "AM New",
                        "aliases", List.of("A. New"),
                        "description", "A director."))
                .execute()
                .path("upsertPerson.aliases")
                .entityList(String.class)
                .containsExactly("A. New");

        var again = upsertPerson(Map.of("id", "am-person-new", "name", "AM Renamed"))
                .execute();

        again.path("upsertPerson.name").entity(String.class).isEqualTo("AM Renamed");
        again.path("upsertPerson.aliases").entityList(String.class).containsExactly("A. New");
        again.path("upsertPerson.description").entity(String.class).isEqualTo("A director.");
        secondSendChangesNothing(driver, upsertPerson(Map.of("id", "am-person-twice", "name", "AM Twice")));
        rejectedWithoutWriting(
                driver,
                upsertPerson(Map.of("id", "am-person-blank", "name", " ")),
                ErrorType.BAD_REQUEST,
                "input.name");
    }

    // roles

    @Test
    void record_role_then_end_it_then_retract_it_keeping_the_fact_marked() {
        var role = recordRole(roleInput("am-counsel", "am-company", "general counsel"))
                .execute();
        role.path("recordRole.person.id").entity(String.class).isEqualTo("am-counsel");
        role.path("recordRole.organization.id").entity(String.class).isEqualTo("am-company");
        role.path("recordRole.title").entity(String.class).isEqualTo("general counsel");
        role.path("recordRole.since").entity(String.class).isEqualTo("2019");
        role.path("recordRole.evidence[0].quote").entity(String.class).isEqualTo(FILING_QUOTE);
        affiliations("am-counsel", "am-company")
                .path("organization.roles[*].title")
                .entityList(String.class)
                .containsExactly("general counsel");

        var ended = endRole("am-counsel", "am-company", "general counsel", "2023-04", "The counsel left in April 2023.")
                .execute();
        ended.path("endRole.until").entity(String.class).isEqualTo("2023-04");
        ended.path("endRole.evidence[*].quote")
                .entityList(String.class)
                .containsExactly(FILING_QUOTE, "The counsel left in April 2023.");

        var retracted = retractRole("am-counsel", "am-company", "general counsel", "Another person of the same name.")
                .execute();
        retracted.path("retractRole.retracted").entity(Boolean.class).isEqualTo(true);
        retracted
                .path("retractRole.retraction.reason")
                .entity(String.class)
                .isEqualTo("Another person of the same name.");
        retracted.path("retractRole.evidence[*].quote").entityList(String.class).hasSize(2);
        affiliations("am-counsel", "am-company")
                .path("person.roles")
                .entityList(Object.class)
                .hasSize(0);
        assertThat(MutationChecks.strings(
                        driver,
                        "MATCH (:Person {id: 'am-counsel'})-[r:RETRACTED {type: 'ROLE'}]->(:Organization {id: 'am-company'}) RETURN r.type + '/' + r.title + '/' + r.until AS v",
                        Map.of()))
                .as("the role is kept with every property it had")
                .containsExactly("ROLE/general counsel/2023-04");
        secondSendChangesNothing(driver, recordRole(roleInput("am-counsel", "am-company", "general counsel")));
    }

    @Test
    void a_repeated_retraction_changes_nothing() {
        recordRole(roleInput("am-counsel", "am-holding", "director"))
                .execute()
                .errors()
                .verify();
        retractRole("am-counsel", "am-holding", "director", "Wrong board.")
                .execute()
                .errors()
                .verify();
        var before = org.dataflowatlas.TestSupport.factFingerprint(driver);
        retractRole("am-counsel", "am-holding", "director", "Wrong board.")
                .execute()
                .path("retractRole.retracted")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(org.dataflowatlas.TestSupport.factFingerprint(driver)).isEqualTo(before);
    }

    @Test
    void record_role_refuses_an_unknown_person_an_end_before_the_start_and_missing_evidence() {
        rejectedWithoutWriting(
                driver, recordRole(roleInput("am-nobody", "am-company", "clerk")), ErrorType.NOT_FOUND, "am-nobody");
        var backwards = roleInput("am-counsel", "am-company", "clerk");
        backwards.put("until", "2018");
        rejectedWithoutWriting(
                driver, recordRole(backwards), ErrorType.BAD_REQUEST, "input.until (2018)", "input.since (2019)");
        var noEvidence = roleInput("am-counsel", "am-company", "clerk");
        noEvidence.put("evidence", List.of());
        rejectedWithoutWriting(driver, recordRole(noEvidence), ErrorType.BAD_REQUEST, "input.evidence");
        rejectedWithoutWriting(
                driver,
                endRole("am-counsel", "am-company", "clerk", "2024", "q"),
                ErrorType.NOT_FOUND,
                "No role 'clerk'");
    }

    // ownership

    @Test
    void record_ownership_by_an_organization_and_by_a_person_then_end_and_retract_it() {
        var input = ownershipInput("am-holding", "am-company");
        input.put("share", 51.5);
        var owned = recordOwnership(input).execute();
        owned.path("recordOwnership.owner.__typename").entity(String.class).isEqualTo("Organization");
        owned.path("recordOwnership.owner.id").entity(String.class).isEqualTo("am-holding");
        owned.path("recordOwnership.share").entity(Double.class).isEqualTo(51.5);
        owned.path("recordOwnership.former").entity(Boolean.class).isEqualTo(false);

        var byPerson = ownershipInput("am-counsel", "am-company");
        byPerson.put("former", true);
        recordOwnership(byPerson)
                .execute()
                .path("recordOwnership.owner.__typename")
                .entity(String.class)
                .isEqualTo("Person");
        var views = affiliations("am-counsel", "am-company");
        views.path("organization.owners[*].owner.id")
                .entityList(String.class)
                .containsExactly("am-counsel", "am-holding");
        views.path("person.owns[*].owned.id").entityList(String.class).containsExactly("am-company");

        endOwnership("am-holding", "am-company", "2024-01", "Sold in January 2024.")
                .execute()
                .path("endOwnership.until")
                .entity(String.class)
                .isEqualTo("2024-01");
        retractOwnership("am-counsel", "am-company", "Never a shareholder.")
                .execute()
                .path("retractOwnership.retraction.reason")
                .entity(String.class)
                .isEqualTo("Never a shareholder.");
        affiliations("am-counsel", "am-company")
                .path("organization.owners[*].owner.id")
                .entityList(String.class)
                .containsExactly("am-holding");
    }

    @Test
    void record_ownership_sent_twice_changes_nothing_the_second_time() {
        secondSendChangesNothing(driver, recordOwnership(ownershipInput("am-department", "am-holding")));
    }

    @Test
    void record_ownership_refuses_owning_itself_a_share_out_of_range_and_an_unknown_owner() {
        rejectedWithoutWriting(
                driver,
                recordOwnership(ownershipInput("am-company", "am-company")),
                ErrorType.BAD_REQUEST,
                "cannot own itself");
        var tooMuch = ownershipInput("am-holding", "am-company");
        tooMuch.put("share", 150);
        rejectedWithoutWriting(driver, recordOwnership(tooMuch), ErrorType.BAD_REQUEST, "input.share (150.0)");
        rejectedWithoutWriting(
                driver,
                recordOwnership(ownershipInput("am-no-owner", "am-company")),
                ErrorType.NOT_FOUND,
                "input.owner",
                "am-no-owner");
    }

    // agencies part of agencies

    @Test
    void record_part_of_links_two_agencies_then_end_and_retract_it() {
        var link = recordPartOf(partOfInput("am-bureau", "am-department")).execute();
        link.path("recordPartOf.agency.id").entity(String.class).isEqualTo("am-bureau");
        link.path("recordPartOf.parent.id").entity(String.class).isEqualTo("am-department");
        link.path("recordPartOf.since").entity(String.class).isEqualTo("2003");
        var views = affiliations("am-counsel", "am-department");
        views.path("organization.parts[*].agency.id").entityList(String.class).containsExactly("am-bureau");

        endPartOf("am-bureau", "am-department", "2020", "Moved in 2020.")
                .execute()
                .path("endPartOf.until")
                .entity(String.class)
                .isEqualTo("2020");
        retractPartOf("am-bureau", "am-department", "It was another bureau.")
                .execute()
                .path("retractPartOf.retracted")
                .entity(Boolean.class)
                .isEqualTo(true);
        affiliations("am-counsel", "am-department")
                .path("organization.parts")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void record_part_of_refuses_a_loop_a_company_and_itself() {
        recordPartOf(partOfInput("am-department", "am-ministry"))
                .execute()
                .errors()
                .verify();
        rejectedWithoutWriting(
                driver,
                recordPartOf(partOfInput("am-ministry", "am-department")),
                ErrorType.BAD_REQUEST,
                "already part of 'am-ministry'");
        rejectedWithoutWriting(
                driver,
                recordPartOf(partOfInput("am-bureau", "am-company")),
                ErrorType.BAD_REQUEST,
                "input.parent 'am-company' is COMPANY, not an AGENCY");
        rejectedWithoutWriting(
                driver,
                recordPartOf(partOfInput("am-bureau", "am-bureau")),
                ErrorType.BAD_REQUEST,
                "cannot be part of itself");
        secondSendChangesNothing(driver, recordPartOf(partOfInput("am-bureau", "am-ministry")));
    }

    // helpers

    private static LinkedHashMap<String, Object> roleInput(String person, String organization, String title) {
        var input = new LinkedHashMap<String, Object>();
        input.put("person", person);
        input.put("organization", organization);
        input.put("title", title);
        input.put("since", "2019");
        input.put("evidence", List.of(evidence(FILING, FILING_QUOTE)));
        return input;
    }

    private static LinkedHashMap<String, Object> ownershipInput(String owner, String owned) {
        var input = new LinkedHashMap<String, Object>();
        input.put("owner", owner);
        input.put("owned", owned);
        input.put("since", "2020");
        input.put("evidence", List.of(evidence(FILING, "The holding owns the company.")));
        return input;
    }

    private static LinkedHashMap<String, Object> partOfInput(String agency, String parent) {
        var input = new LinkedHashMap<String, Object>();
        input.put("agency", agency);
        input.put("parent", parent);
        input.put("since", "2003");
        input.put("evidence", List.of(evidence(LETTER, "The bureau is a component of the department.")));
        return input;
    }

    private GraphQlTester.Response affiliations(String person, String organization) {
        return graphQl.documentName("affiliations")
                .variable("person", person)
                .variable("organization", organization)
                .execute();
    }

    private GraphQlTester.Request<?> upsertPerson(Map<String, Object> input) {
        return graphQl.documentName("mutationUpsertPerson").variable("input", input);
    }

    private GraphQlTester.Request<?> recordRole(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordRole").variable("input", input);
    }

    private GraphQlTester.Request<?> endRole(
            String person, String organization, String title, String until, String quote) {
        return graphQl.documentName("mutationEndRole")
                .variable("person", person)
                .variable("organization", organization)
                .variable("title", title)
                .variable("until", until)
                .variable("evidence", List.of(evidence(LETTER, quote)));
    }

    private GraphQlTester.Request<?> retractRole(String person, String organization, String title, String reason) {
        return graphQl.documentName("mutationRetractRole")
                .variable("person", person)
                .variable("organization", organization)
                .variable("title", title)
                .variable("reason", reason)
                .variable("evidence", List.of(evidence(LETTER, "The filing names another person.")));
    }

    private GraphQlTester.Request<?> recordOwnership(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordOwnership").variable("input", input);
    }

    private GraphQlTester.Request<?> endOwnership(String owner, String owned, String until, String quote) {
        return graphQl.documentName("mutationEndOwnership")
                .variable("owner", owner)
                .variable("owned", owned)
                .variable("until", until)
                .variable("evidence", List.of(evidence(LETTER, quote)));
    }

    private GraphQlTester.Request<?> retractOwnership(String owner, String owned, String reason) {
        return graphQl.documentName("mutationRetractOwnership")
                .variable("owner", owner)
                .variable("owned", owned)
                .variable("reason", reason)
                .variable("evidence", List.of(evidence(LETTER, "The register lists other owners.")));
    }

    private GraphQlTester.Request<?> recordPartOf(Map<String, Object> input) {
        return graphQl.documentName("mutationRecordPartOf").variable("input", input);
    }

    private GraphQlTester.Request<?> endPartOf(String agency, String parent, String until, String quote) {
        return graphQl.documentName("mutationEndPartOf")
                .variable("agency", agency)
                .variable("parent", parent)
                .variable("until", until)
                .variable("evidence", List.of(evidence(LETTER, quote)));
    }

    private GraphQlTester.Request<?> retractPartOf(String agency, String parent, String reason) {
        return graphQl.documentName("mutationRetractPartOf")
                .variable("agency", agency)
                .variable("parent", parent)
                .variable("reason", reason)
                .variable("evidence", List.of(evidence(LETTER, "The letter is about another bureau.")));
    }
}
