package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input through the real HTTP endpoint, with an editor key so that mutations get past the
 * door and reach validation. For every case: a clear error (classification, a message that says
 * what to change, a sane HTTP status) and a database exactly as it was — every node, relationship
 * and property, audit trail included.
 */
@AtlasIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Cypher-injection attempts: quotes, comments, statement separators, a Lucene query, a parameter. */
    static final List<String> INJECTIONS = List.of(
            "x' }) MATCH (n) DETACH DELETE n //",
            "x\"}) DETACH DELETE n WITH 1 AS one MATCH (m) RETURN m //",
            "x`) CALL db.clearQueryCaches() //",
            "x; MATCH (n) SET n.pwned = true",
            "*:* OR id:*",
            "$from");

    static final String MEGABYTE = "A".repeat(1 << 20);
    static final String EDITOR = TestSupport.EDITOR_KEY;

    static final String RECORD_FLOW = "mutation f($input: FlowInput!) { recordFlow(input: $input) { id } }";
    static final String UPSERT = "mutation o($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }";
    static final String ADD_SOURCE = "mutation s($input: SourceInput!) { addSource(input: $input) { id } }";
    static final String ADD_EVIDENCE =
            "mutation e($target: ID!, $evidence: [EvidenceInput!]!) { addEvidence(target: $target, evidence: $evidence) { __typename } }";
    static final String IMPORT = """
            mutation i($mapping: String, $yaml: String, $file: String!, $csv: String!) {
              importFlows(mapping: $mapping, mappingYaml: $yaml, file: $file, csv: $csv) { flows errors { line column reason } }
            }""";

    static final String PUBLISH = "mutation p($input: PolicyInput!) { publishPolicy(input: $input) { id } }";
    static final String AGREEMENT = "mutation a($input: AgreementInput!) { recordAgreement(input: $input) { id } }";
    static final String EVENT = "mutation e($input: EventInput!) { recordEvent(input: $input) { id } }";
    static final String STATEMENT = "mutation s($input: StatementInput!) { recordStatement(input: $input) { id } }";
    static final String PERSON = "mutation p($input: PersonInput!) { upsertPerson(input: $input) { id } }";
    static final String ROLE = "mutation r($input: RoleInput!) { recordRole(input: $input) { title } }";
    static final String OWNERSHIP = "mutation o($input: OwnershipInput!) { recordOwnership(input: $input) { share } }";
    static final String PART_OF = "mutation p($input: PartOfInput!) { recordPartOf(input: $input) { since } }";
    static final String PRODUCT = "mutation p($input: ProductInput!) { upsertProduct(input: $input) { id } }";
    static final String CATEGORY = "mutation c($input: CategoryInput!) { upsertCategory(input: $input) { id } }";
    static final String CITATION =
            "mutation c($source: ID!, $cites: [ID!]!) { recordCitation(source: $source, cites: $cites) { id } }";
    static final String MERGE = """
            mutation m($keep: ID!, $duplicate: ID!, $evidence: [EvidenceInput!]!) {
              mergeOrganizations(keep: $keep, duplicate: $duplicate, reason: "r", evidence: $evidence) { id } }""";
    static final List<Map<String, String>> EVIDENCE = List.of(Map.of("source", "seed-article", "quote", "q"));

    @Autowired
    Driver driver;

    @LocalServerPort
    int port;

    GraphQlHttp http;

    @BeforeAll
    void client() {
        http = new GraphQlHttp(port);
    }

    /**
     * One hostile request and what must come back.
     *
     * @param status the HTTP status
     * @param classification the first error's classification
     * @param fragments what the first error's message must say
     */
    record Case(
            String name,
            Function<GraphQlHttp, GraphQlHttp.Response> send,
            int status,
            String classification,
            List<String> fragments,
            Consumer<GraphQlHttp.Response> extra) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Case error(
            String name,
            Function<GraphQlHttp, GraphQlHttp.Response> send,
            int status,
            String classification,
            String... fragments) {
        return new Case(name, send, status, classification, List.of(fragments), response -> {});
    }

    static Case query(
            String name, String query, Map<String, Object> variables, String classification, String... fragments) {
        return error(name, http -> http.post(query, variables, null), 200, classification, fragments);
    }

    static Case mutation(
            String name, String query, Map<String, Object> variables, String classification, String... fragments) {
        return error(name, http -> http.post(query, variables, EDITOR), 200, classification, fragments);
    }

    /** Import rows refused as data ({@code importFlows.errors}), as the API reports row problems. */
    static Case importRows(String name, String csv, String... reasonFragments) {
        return new Case(
                name,
                http -> http.post(
                        IMPORT,
                        Map.of("mapping", "flock-sharing", "file", "agency_access20240426.csv", "csv", csv),
                        EDITOR),
                200,
                "",
                List.of(),
                response -> {
                    @SuppressWarnings("unchecked")
                    var result = (Map<String, Object>) response.data("importFlows");
                    assertThat(result).as(response.body()).isNotNull();
                    assertThat(result.get("flows")).isEqualTo(0);
                    assertThat(result.get("errors").toString()).contains(reasonFragments);
                });
    }

    static Map<String, Object> flow(Map<String, Object> overrides) {
        var input = new HashMap<String, Object>(Map.of(
                "from", "x",
                "to", "dataminr",
                "categories", List.of(Map.of("id", "x-public-posts")),
                "purpose", "COMMERCIAL",
                "accessMethod", "FIREHOSE",
                "confidence", "REPORTED",
                "evidence", List.of(Map.of("source", "seed-article", "quote", "q"))));
        input.putAll(overrides);
        return Map.of("input", input);
    }

    static Map<String, Object> organization(Map<String, Object> overrides) {
        var input = new HashMap<String, Object>(Map.of("id", "hostile-org", "name", "Hostile", "kind", "COMPANY"));
        input.putAll(overrides);
        return Map.of("input", input);
    }

    /** A valid input for the mutation, with some fields replaced: each case breaks one thing. */
    static Map<String, Object> input(Map<String, Object> base, Map<String, Object> overrides) {
        var input = new HashMap<String, Object>(base);
        input.putAll(overrides);
        return Map.of("input", input);
    }

    static final Map<String, Object> POLICY = Map.of(
            "id", "hostile-policy",
            "publisher", "x",
            "title", "Hostile terms",
            "prohibitedPurposes", List.of("LAW_ENFORCEMENT"),
            "evidence", EVIDENCE);
    static final Map<String, Object> AGREEMENT_INPUT = Map.of(
            "id",
            "hostile-agreement",
            "title",
            "Hostile contract",
            "parties",
            List.of("x", "dataminr"),
            "covers",
            List.of("x-to-dataminr-firehose"),
            "evidence",
            EVIDENCE);
    static final Map<String, Object> EVENT_INPUT =
            Map.of("id", "hostile-event", "title", "Hostile event", "involves", List.of("x"), "evidence", EVIDENCE);
    static final Map<String, Object> STATEMENT_INPUT =
            Map.of("id", "hostile-statement", "by", "elon-musk", "text", "q", "reportedIn", EVIDENCE);
    static final Map<String, Object> ROLE_INPUT =
            Map.of("person", "elon-musk", "organization", "x", "title", "owner", "evidence", EVIDENCE);
    static final Map<String, Object> OWNERSHIP_INPUT = Map.of("owner", "elon-musk", "owned", "x", "evidence", EVIDENCE);
    static final Map<String, Object> PART_OF_INPUT =
            Map.of("agency", "us-secret-service", "parent", "dataminr-law-enforcement-customers", "evidence", EVIDENCE);
    static final Map<String, Object> PRODUCT_INPUT =
            Map.of("id", "hostile-product", "name", "Hostile", "offeredBy", "x");
    static final Map<String, Object> CATEGORY_INPUT =
            Map.of("id", "hostile-category", "name", "Hostile", "origin", "x");

    /** A retraction or end of a fact, by the mutation's own arguments. */
    static Case retraction(String name, String mutation, String arguments, String classification, String... fragments) {
        return mutation(
                name,
                "mutation m($evidence: [EvidenceInput!]!) { " + mutation + "(" + arguments
                        + ", evidence: $evidence) { __typename } }",
                Map.of("evidence", EVIDENCE),
                classification,
                fragments);
    }

    /** Cases for the mutations of policies, agreements, events, statements, people, roles, ownership and more. */
    static List<Case> factCases() {
        var cases = new ArrayList<Case>();
        var injection = INJECTIONS.getFirst();

        // Cypher injection in ids: refused by name.
        cases.add(mutation(
                "injection in publishPolicy id",
                PUBLISH,
                input(POLICY, Map.of("id", injection)),
                "BAD_REQUEST",
                "input.id"));
        cases.add(mutation(
                "injection in recordAgreement parties",
                AGREEMENT,
                input(AGREEMENT_INPUT, Map.of("parties", List.of("x", injection))),
                "BAD_REQUEST",
                "input.parties[1]"));
        cases.add(mutation(
                "injection in recordEvent involves",
                EVENT,
                input(EVENT_INPUT, Map.of("involves", List.of(injection))),
                "BAD_REQUEST",
                "input.involves[0]"));
        cases.add(mutation(
                "injection in recordStatement by",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("by", injection)),
                "BAD_REQUEST",
                "input.by"));
        cases.add(mutation(
                "injection in upsertPerson id",
                PERSON,
                Map.of("input", Map.of("id", injection, "name", "H")),
                "BAD_REQUEST",
                "input.id"));
        cases.add(mutation(
                "injection in recordRole person",
                ROLE,
                input(ROLE_INPUT, Map.of("person", injection)),
                "BAD_REQUEST",
                "input.person"));
        cases.add(mutation(
                "injection in recordOwnership owner",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("owner", injection)),
                "BAD_REQUEST",
                "input.owner"));
        cases.add(mutation(
                "injection in recordPartOf parent",
                PART_OF,
                input(PART_OF_INPUT, Map.of("parent", injection)),
                "BAD_REQUEST",
                "input.parent"));
        cases.add(mutation(
                "injection in upsertProduct offeredBy",
                PRODUCT,
                input(PRODUCT_INPUT, Map.of("offeredBy", injection)),
                "BAD_REQUEST",
                "input.offeredBy"));
        cases.add(mutation(
                "injection in upsertCategory derivedFrom",
                CATEGORY,
                input(CATEGORY_INPUT, Map.of("derivedFrom", List.of(injection))),
                "BAD_REQUEST",
                "input.derivedFrom[0]"));
        cases.add(mutation(
                "injection in recordCitation cites",
                CITATION,
                Map.of("source", "seed-article", "cites", List.of(injection)),
                "BAD_REQUEST",
                "cites[0]"));
        cases.add(mutation(
                "injection in mergeOrganizations duplicate",
                MERGE,
                Map.of("keep", "x", "duplicate", injection, "evidence", EVIDENCE),
                "BAD_REQUEST",
                "duplicate"));
        cases.add(mutation(
                "injection in retractPolicy id",
                "mutation m($id: ID!) { retractPolicy(id: $id, reason: \"r\", evidence: [{source: \"seed-article\", quote: \"q\"}]) { id } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "id"));
        cases.add(mutation(
                "injection in retractCitation cited",
                "mutation m($id: ID!) { retractCitation(source: \"seed-article\", cited: $id, reason: \"r\", evidence: [{source: \"seed-article\", quote: \"q\"}]) { type } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "cited"));
        // ... and in free text, stored as text: here beside a reference that does not exist, so nothing is written.
        cases.add(mutation(
                "injection in an endRole title (no such role)",
                "mutation m($t: String!) { endRole(person: \"elon-musk\", organization: \"x\", title: $t, until: \"2024\", evidence: [{source: \"seed-article\", quote: \"q\"}]) { title } }",
                Map.of("t", injection),
                "NOT_FOUND",
                "No role"));
        cases.add(mutation(
                "injection in an event title (unknown involved)",
                EVENT,
                input(EVENT_INPUT, Map.of("title", injection, "involves", List.of("no-such-thing"))),
                "NOT_FOUND",
                "no-such-thing"));
        cases.add(mutation(
                "injection in a statement text (unknown speaker)",
                STATEMENT,
                input(
                        STATEMENT_INPUT,
                        Map.of(
                                "text",
                                injection,
                                "by",
                                "no-such-speaker",
                                "reportedIn",
                                List.of(Map.of("source", "seed-article", "quote", injection)))),
                "NOT_FOUND",
                "no-such-speaker"));

        // Impossible dates and ends before starts.
        cases.add(mutation(
                "date 2023-02-30 in publishPolicy effective",
                PUBLISH,
                input(POLICY, Map.of("effective", "2023-02-30")),
                "BAD_REQUEST",
                "2023-02-30"));
        cases.add(mutation(
                "date 2023-13 in recordAgreement signed",
                AGREEMENT,
                input(AGREEMENT_INPUT, Map.of("signed", "2023-13")),
                "BAD_REQUEST",
                "2023-13"));
        cases.add(mutation(
                "date yesterday in recordEvent date",
                EVENT,
                input(EVENT_INPUT, Map.of("date", "yesterday")),
                "BAD_REQUEST",
                "yesterday"));
        cases.add(mutation(
                "date 99999 in recordRole since",
                ROLE,
                input(ROLE_INPUT, Map.of("since", "99999")),
                "BAD_REQUEST",
                "99999"));
        cases.add(retraction(
                "date 2024-00 in endPolicy until",
                "endPolicy",
                "id: \"x-third-party-data-terms\", until: \"2024-00\"",
                "BAD_REQUEST",
                "2024-00"));
        cases.add(mutation(
                "recordOwnership ending before it starts",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("since", "2020", "until", "2019")),
                "BAD_REQUEST",
                "input.until (2019)"));
        cases.add(mutation(
                "recordAgreement expiring before it was signed",
                AGREEMENT,
                input(AGREEMENT_INPUT, Map.of("signed", "2024", "expires", "2023-06")),
                "BAD_REQUEST",
                "input.expires (2023-06)"));

        // Facts without evidence.
        cases.add(mutation(
                "publishPolicy without evidence",
                PUBLISH,
                input(POLICY, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "recordAgreement without evidence",
                AGREEMENT,
                input(AGREEMENT_INPUT, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "recordEvent without evidence",
                EVENT,
                input(EVENT_INPUT, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "recordStatement reported nowhere",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("reportedIn", List.of())),
                "BAD_REQUEST",
                "input.reportedIn"));
        cases.add(mutation(
                "recordRole without evidence",
                ROLE,
                input(ROLE_INPUT, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "recordOwnership without evidence",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "recordPartOf without evidence",
                PART_OF,
                input(PART_OF_INPUT, Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "mergeOrganizations without evidence",
                MERGE,
                Map.of("keep", "x", "duplicate", "dataminr", "evidence", List.of()),
                "BAD_REQUEST",
                "every fact needs a source"));
        for (var mutation : List.of(
                "retractEvent(id: \"aclu-2016-investigation\", reason: \"r\"",
                "retractRole(person: \"adam-schwartz\", organization: \"eff\", title: \"privacy litigation director\", reason: \"r\"",
                "retractDerivation(category: \"first-alert-alerts\", derivedFrom: \"x-public-posts\", reason: \"r\"",
                "endOwnership(owner: \"elon-musk\", owned: \"x\", until: \"2025\"")) {
            cases.add(mutation(
                    mutation.substring(0, mutation.indexOf('(')) + " without evidence",
                    "mutation { " + mutation + ", evidence: []) { __typename } }",
                    Map.of(),
                    "BAD_REQUEST",
                    "every fact needs a source"));
        }

        // Unknown ids.
        cases.add(mutation(
                "publishPolicy by an unknown publisher",
                PUBLISH,
                input(POLICY, Map.of("publisher", "no-such-org")),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(mutation(
                "recordAgreement covering an unknown flow",
                AGREEMENT,
                input(AGREEMENT_INPUT, Map.of("covers", List.of("no-such-flow"))),
                "NOT_FOUND",
                "no-such-flow"));
        cases.add(mutation(
                "recordStatement about an unknown entity",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("about", List.of("no-such-thing"))),
                "NOT_FOUND",
                "no-such-thing"));
        cases.add(mutation(
                "recordRole at an unknown organization",
                ROLE,
                input(ROLE_INPUT, Map.of("organization", "no-such-org")),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(mutation(
                "recordOwnership of an unknown organization",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("owned", "no-such-org")),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(mutation(
                "recordPartOf of an unknown agency",
                PART_OF,
                input(PART_OF_INPUT, Map.of("agency", "no-such-agency")),
                "NOT_FOUND",
                "no-such-agency"));
        cases.add(mutation(
                "upsertCategory derived from an unknown category",
                CATEGORY,
                input(CATEGORY_INPUT, Map.of("derivedFrom", List.of("no-such-category"))),
                "NOT_FOUND",
                "no-such-category"));
        cases.add(mutation(
                "recordCitation of an unknown source",
                CITATION,
                Map.of("source", "seed-article", "cites", List.of("no-such-source")),
                "NOT_FOUND",
                "no-such-source"));
        cases.add(mutation(
                "mergeOrganizations keeping an unknown organization",
                MERGE,
                Map.of("keep", "no-such-org", "duplicate", "dataminr", "evidence", EVIDENCE),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(retraction(
                "retractPolicy of an unknown policy",
                "retractPolicy",
                "id: \"no-such-policy\", reason: \"r\"",
                "NOT_FOUND",
                "no-such-policy"));
        cases.add(retraction(
                "retractAgreement of an unknown agreement",
                "retractAgreement",
                "id: \"no-such-agreement\", reason: \"r\"",
                "NOT_FOUND",
                "no-such-agreement"));
        cases.add(retraction(
                "retractStatement of an unknown statement",
                "retractStatement",
                "id: \"no-such-statement\", reason: \"r\"",
                "NOT_FOUND",
                "no-such-statement"));
        cases.add(retraction(
                "retractOffer of a product the organization does not offer",
                "retractOffer",
                "organization: \"x\", product: \"first-alert\", reason: \"r\"",
                "NOT_FOUND",
                "'x' offers 'first-alert'"));
        cases.add(retraction(
                "endPartOf of a link never recorded",
                "endPartOf",
                "agency: \"us-secret-service\", parent: \"dataminr-law-enforcement-customers\", until: \"2024\"",
                "NOT_FOUND",
                "part of"));

        // Numbers, texts and enum values out of bounds.
        cases.add(mutation(
                "negative ownership share",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("share", -5)),
                "BAD_REQUEST",
                "input.share"));
        cases.add(mutation(
                "huge ownership share",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("share", 1e308)),
                "BAD_REQUEST",
                "input.share"));
        cases.add(mutation(
                "1 MB policy title",
                PUBLISH,
                input(POLICY, Map.of("title", MEGABYTE)),
                "BAD_REQUEST",
                "input.title",
                "at most 1000"));
        cases.add(mutation(
                "1 MB statement text",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("text", MEGABYTE)),
                "BAD_REQUEST",
                "input.text",
                "at most 5000"));
        cases.add(mutation(
                "NUL in a statement text",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("text", "q\u0000")),
                "BAD_REQUEST",
                "input.text",
                "control character"));
        cases.add(mutation(
                "escape sequence in a role title",
                ROLE,
                input(ROLE_INPUT, Map.of("title", "\u001b[31mowner")),
                "BAD_REQUEST",
                "input.title",
                "control character"));
        cases.add(mutation(
                "unknown prohibited purpose",
                PUBLISH,
                input(POLICY, Map.of("prohibitedPurposes", List.of("SPYING"))),
                "BAD_REQUEST",
                "SPYING"));

        // Facts that cannot be: self-references, loops, a merge that would lose information, spliced words.
        cases.add(mutation(
                "an organization owning itself",
                OWNERSHIP,
                input(OWNERSHIP_INPUT, Map.of("owner", "x")),
                "BAD_REQUEST",
                "cannot own itself"));
        cases.add(mutation(
                "a platform part of an agency",
                PART_OF,
                input(PART_OF_INPUT, Map.of("agency", "x")),
                "BAD_REQUEST",
                "not an AGENCY"));
        cases.add(mutation(
                "a derivation loop",
                CATEGORY,
                Map.of("input", Map.of("id", "x-public-posts", "derivedFrom", List.of("first-alert-alerts"))),
                "BAD_REQUEST",
                "would derive from itself"));
        cases.add(mutation(
                "merging an organization into itself",
                MERGE,
                Map.of("keep", "x", "duplicate", "x", "evidence", EVIDENCE),
                "BAD_REQUEST",
                "keep and duplicate are both"));
        cases.add(mutation(
                "merging a platform into a vendor",
                MERGE,
                Map.of("keep", "dataminr", "duplicate", "x", "evidence", EVIDENCE),
                "BAD_REQUEST",
                "would lose information",
                "kind differs"));
        cases.add(mutation(
                "a statement spliced from fragments",
                STATEMENT,
                input(STATEMENT_INPUT, Map.of("text", "sells … to the government")),
                "BAD_REQUEST",
                "word for word"));
        cases.add(error(
                "publishPolicy without an editor key",
                http -> http.post(PUBLISH, input(POLICY, Map.of()), null),
                200,
                "UNAUTHORIZED",
                "editor key"));
        return cases;
    }

    static Stream<Case> cases() {
        var cases = new ArrayList<Case>();

        // Cypher injection in every kind of id argument: ids are slugs, so each is refused by name.
        for (var injection : INJECTIONS) {
            cases.add(query(
                    "injection in organization(id) " + injection,
                    "query q($id: ID!) { organization(id: $id) { name } }",
                    Map.of("id", injection),
                    "BAD_REQUEST",
                    "id"));
        }
        var injection = INJECTIONS.getFirst();
        cases.add(query(
                "injection in flow(id)",
                "query q($id: ID!) { flow(id: $id) { id } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "id"));
        cases.add(query(
                "injection in trace(from)",
                "query q($id: ID!) { trace(from: $id) { truncated } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "from"));
        cases.add(query(
                "injection in paths(to)",
                "query q($id: ID!) { paths(from: \"x\", to: $id) { length } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "to"));
        cases.add(query(
                "injection in exposure(platform)",
                "query q($id: ID!) { exposure(platform: $id) { agencies } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "platform"));
        cases.add(query(
                "injection in policyConflicts(platform)",
                "query q($id: ID!) { policyConflicts(platform: $id) { flow { id } } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "platform"));
        cases.add(query(
                "injection in source(id)",
                "query q($id: ID!) { source(id: $id) { title } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "id"));
        cases.add(query(
                "injection in timeline(entity)",
                "query q($id: ID!) { timeline(entity: $id) { title } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "entity"));
        cases.add(query(
                "injection in organizations(after)",
                "query q($after: String) { organizations(first: 5, after: $after) { totalCount } }",
                Map.of("after", injection),
                "BAD_REQUEST",
                "after"));
        cases.add(mutation(
                "injection in upsertOrganization id",
                UPSERT,
                organization(Map.of("id", injection)),
                "BAD_REQUEST",
                "input.id"));
        cases.add(mutation(
                "injection in recordFlow from",
                RECORD_FLOW,
                flow(Map.of("from", injection)),
                "BAD_REQUEST",
                "input.from"));
        cases.add(mutation(
                "injection in addEvidence target",
                ADD_EVIDENCE,
                Map.of("target", injection, "evidence", List.of(Map.of("source", "seed-article", "quote", "q"))),
                "BAD_REQUEST",
                "target"));
        cases.add(mutation(
                "injection in endFlow id",
                "mutation m($id: ID!) { endFlow(id: $id, until: \"2024\", evidence: [{source: \"s\", quote: \"q\"}]) { id } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "id"));
        cases.add(mutation(
                "injection in retractFlow id",
                "mutation m($id: ID!) { retractFlow(id: $id, reason: \"r\", evidence: [{source: \"s\", quote: \"q\"}]) { id } }",
                Map.of("id", injection),
                "BAD_REQUEST",
                "id"));
        // ... and in free text, which is stored as text: here with a reference that does not exist, so nothing is
        // written.
        cases.add(mutation(
                "injection in addSource title (unknown publisher)",
                ADD_SOURCE,
                Map.of(
                        "input",
                        Map.of(
                                "id",
                                "hostile-source",
                                "title",
                                injection,
                                "kind",
                                "NEWS_REPORT",
                                "publishedBy",
                                "no-such-org")),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(mutation(
                "injection in an evidence quote (unknown source)",
                ADD_EVIDENCE,
                Map.of(
                        "target",
                        "x-to-dataminr-firehose",
                        "evidence",
                        List.of(Map.of("source", "no-such-source", "quote", injection))),
                "NOT_FOUND",
                "no-such-source"));

        // 1 MB strings.
        cases.add(mutation(
                "1 MB organization name",
                UPSERT,
                organization(Map.of("name", MEGABYTE)),
                "BAD_REQUEST",
                "input.name",
                "at most 300"));
        cases.add(query(
                "1 MB search text",
                "query q($t: String!) { search(text: $t) { score } }",
                Map.of("t", MEGABYTE),
                "BAD_REQUEST",
                "text",
                "at most 500"));
        cases.add(mutation(
                "1 MB evidence quote",
                ADD_EVIDENCE,
                Map.of(
                        "target",
                        "x-to-dataminr-firehose",
                        "evidence",
                        List.of(Map.of("source", "seed-article", "quote", MEGABYTE))),
                "BAD_REQUEST",
                "quote",
                "at most"));
        cases.add(query(
                "1 MB id",
                "query q($id: ID!) { organization(id: $id) { name } }",
                Map.of("id", MEGABYTE),
                "BAD_REQUEST",
                "id"));
        cases.add(error(
                "1 MB string literal inside the query document",
                http -> http.post("{ search(text: \"" + MEGABYTE + "\") { score } }", null),
                200,
                "BAD_REQUEST",
                "characters"));

        // Control characters and NUL.
        cases.add(mutation(
                "NUL in a name",
                UPSERT,
                organization(Map.of("name", "Hostile\u0000Corp")),
                "BAD_REQUEST",
                "input.name",
                "control character"));
        cases.add(mutation(
                "escape sequence in a source title",
                ADD_SOURCE,
                Map.of("input", Map.of("id", "hostile-source", "title", "\u001b[31mred", "kind", "NEWS_REPORT")),
                "BAD_REQUEST",
                "input.title",
                "control character"));
        cases.add(mutation(
                "newline inside an id", UPSERT, organization(Map.of("id", "hostile\norg")), "BAD_REQUEST", "input.id"));

        // Invalid and impossible dates.
        for (var date : List.of("2023-13", "2023-02-30", "-1", "99999", "2023-00-10", "yesterday")) {
            cases.add(mutation(
                    "date " + date + " in recordFlow since",
                    RECORD_FLOW,
                    flow(Map.of("since", date)),
                    "BAD_REQUEST",
                    date));
        }
        cases.add(query(
                "impossible activeOn in a trace",
                "{ trace(from: \"x\", activeOn: \"2024-02-30\") { truncated } }",
                Map.of(),
                "BAD_REQUEST",
                "2024-02-30"));

        // Negative and huge numbers.
        cases.add(query(
                "negative page size",
                "{ organizations(first: -1) { totalCount } }",
                Map.of(),
                "BAD_REQUEST",
                "first must be between 1 and"));
        cases.add(query(
                "huge page size",
                "{ organizations(first: 2147483647) { totalCount } }",
                Map.of(),
                "BAD_REQUEST",
                "first must be between 1 and"));
        cases.add(query(
                "maxHops 9",
                "{ trace(from: \"x\", maxHops: 9) { truncated } }",
                Map.of(),
                "BAD_REQUEST",
                "maxHops must be between 1 and 8"));
        cases.add(query(
                "negative maxHops",
                "{ trace(from: \"x\", maxHops: -3) { truncated } }",
                Map.of(),
                "BAD_REQUEST",
                "maxHops"));
        cases.add(query(
                "limit beyond a 32-bit Int",
                "{ trace(from: \"x\", limit: 99999999999) { truncated } }",
                Map.of(),
                "BAD_REQUEST",
                "limit"));
        cases.add(query(
                "k of 1000 shortest paths",
                "{ paths(from: \"x\", to: \"dataminr\", k: 1000) { length } }",
                Map.of(),
                "BAD_REQUEST",
                "k"));

        // Unknown enum values.
        cases.add(mutation(
                "unknown organization kind",
                UPSERT,
                organization(Map.of("kind", "SPACESHIP")),
                "BAD_REQUEST",
                "SPACESHIP"));
        cases.add(query(
                "unknown trace mode",
                "{ trace(from: \"x\", mode: EVERYTHING) { truncated } }",
                Map.of(),
                "BAD_REQUEST",
                "EVERYTHING"));
        cases.add(mutation("unknown purpose", RECORD_FLOW, flow(Map.of("purpose", "SPYING")), "BAD_REQUEST", "SPYING"));
        cases.add(mutation(
                "injection in an inference mark's field",
                RECORD_FLOW,
                flow(Map.of("inferences", List.of(Map.of("field", INJECTIONS.getFirst(), "reasoning", "r")))),
                "BAD_REQUEST",
                "input.inferences[0].field",
                "is not a field of this flow"));
        cases.add(mutation(
                "1 MB inference reasoning",
                RECORD_FLOW,
                flow(Map.of("inferences", List.of(Map.of("field", "purpose", "reasoning", MEGABYTE)))),
                "BAD_REQUEST",
                "input.inferences[0].reasoning",
                "at most"));
        cases.add(mutation(
                "inference mark on a value the input does not give",
                "mutation o($input: OrganizationInput!) { upsertOrganization(input: $input) { id } }",
                organization(Map.of("inferences", List.of(Map.of("field", "country", "reasoning", "r")))),
                "BAD_REQUEST",
                "input.inferences[0].field 'country'"));

        // Query shapes built to exhaust the server.
        cases.add(query("fields nested 20 deep", nested(20), Map.of(), "BAD_REQUEST", "levels deep", "at most 12"));
        cases.add(query(
                "alias bomb of 200 aliases",
                aliases(200, "organization(id: \"x\") { name }"),
                Map.of(),
                "BAD_REQUEST",
                "aliases",
                "at most 30"));
        cases.add(query(
                "twelve traces in one request",
                aliases(12, "trace(from: \"x\") { truncated }"),
                Map.of(),
                "BAD_REQUEST",
                "costs",
                "at most 1000"));
        cases.add(query("fragment bomb", fragmentBomb(), Map.of(), "BAD_REQUEST", "aliases"));

        // Broken requests.
        cases.add(error(
                "batched operations in a JSON array",
                http -> http.send(
                        "[{\"query\":\"{ organization(id: \\\"x\\\") { name } }\"},"
                                + "{\"query\":\"mutation { upsertOrganization(input: {id: \\\"hostile-org\\\", name: \\\"H\\\", kind: COMPANY}) { id } }\"}]",
                        "application/json",
                        EDITOR),
                400,
                "BAD_REQUEST",
                "JSON object"));
        cases.add(error(
                "malformed JSON",
                http -> http.send("{\"query\": \"{ organization(id: ", "application/json", null),
                400,
                "BAD_REQUEST",
                "JSON"));
        cases.add(error("empty body", http -> http.send("", "application/json", null), 400, "BAD_REQUEST", "body"));
        cases.add(error(
                "wrong content type",
                http -> http.send("query={ organizations { totalCount } }", "text/plain", null),
                415,
                "BAD_REQUEST",
                "application/json"));
        cases.add(error(
                "a body over the size limit",
                http -> http.send("{\"query\": \"" + "A".repeat(6 << 20) + "\"}", "application/json", null),
                413,
                "BAD_REQUEST",
                "max-request-size"));
        cases.add(error(
                "a mutation sent with GET",
                http -> http.send(
                        HttpRequest.newBuilder(java.net.URI.create(http.endpoint() + "?query="
                                        + java.net.URLEncoder.encode(
                                                "mutation { upsertOrganization(input: {id: \"hostile-org\", name: \"H\", kind: COMPANY}) { id } }",
                                                java.nio.charset.StandardCharsets.UTF_8)))
                                .GET(),
                        EDITOR),
                405,
                "BAD_REQUEST",
                "POST"));
        cases.add(error(
                "no editor key",
                http -> http.post(UPSERT, organization(Map.of()), null),
                200,
                "UNAUTHORIZED",
                "editor key"));

        // Unknown ids.
        cases.add(mutation(
                "recordFlow to an unknown organization",
                RECORD_FLOW,
                flow(Map.of("to", "no-such-org")),
                "NOT_FOUND",
                "no-such-org"));
        cases.add(mutation(
                "endFlow of an unknown flow",
                "mutation { endFlow(id: \"no-such-flow\", until: \"2024\", evidence: [{source: \"seed-article\", quote: \"q\"}]) { id } }",
                Map.of(),
                "NOT_FOUND",
                "no-such-flow"));
        cases.add(query(
                "trace from an unknown organization",
                "{ trace(from: \"no-such-org\") { truncated } }",
                Map.of(),
                "NOT_FOUND",
                "no-such-org"));

        // Facts without evidence.
        cases.add(mutation(
                "recordFlow without evidence",
                RECORD_FLOW,
                flow(Map.of("evidence", List.of())),
                "BAD_REQUEST",
                "every fact needs a source"));
        cases.add(mutation(
                "addEvidence with a blank quote",
                ADD_EVIDENCE,
                Map.of(
                        "target",
                        "x-to-dataminr-firehose",
                        "evidence",
                        List.of(Map.of("source", "seed-article", "quote", " "))),
                "BAD_REQUEST",
                "quote"));
        cases.add(mutation(
                "retractFlow without evidence",
                "mutation { retractFlow(id: \"x-to-dataminr-firehose\", reason: \"r\", evidence: []) { id } }",
                Map.of(),
                "BAD_REQUEST",
                "every fact needs a source"));

        // Import files: a bad encoding, ragged rows, a server path, a YAML bomb.
        cases.add(mutation(
                "import text that was not UTF-8 (replacement characters)",
                IMPORT,
                Map.of(
                        "mapping", "flock-sharing",
                        "file", "agency_access20240426.csv",
                        "csv", "src_agency,external_agency,src_agency_id,external_agency_id\n\uFFFDgency,B,1,2\n"),
                "BAD_REQUEST",
                "UTF-8"));
        cases.add(importRows(
                "import with ragged rows",
                "src_agency,external_agency,src_agency_id,external_agency_id\nA,B\nC,D,3,4,extra\n",
                "columns"));
        cases.add(mutation(
                "import mapping given as a server path",
                IMPORT,
                Map.of("mapping", "../../etc/passwd", "file", "x.csv", "csv", "a,b"),
                "BAD_REQUEST",
                "not the name of a shipped mapping"));
        cases.add(mutation(
                "import mapping that is a YAML bomb",
                IMPORT,
                Map.of("yaml", yamlBomb(), "file", "x.csv", "csv", "a,b"),
                "BAD_REQUEST",
                "mapping"));
        cases.addAll(factCases());
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void hostile_input_gets_a_clear_error_and_changes_nothing(Case hostile) {
        var before = TestSupport.fingerprint(driver);

        var response = hostile.send().apply(http);

        assertThat(response.status())
                .as(hostile.name() + ": " + abbreviated(response.body()))
                .isEqualTo(hostile.status());
        if (!hostile.classification().isEmpty()) {
            assertThat(response.classification())
                    .as(abbreviated(response.body()))
                    .isEqualTo(hostile.classification());
            assertThat(response.message()).as(abbreviated(response.body())).contains(hostile.fragments());
            assertThat(response.message().length())
                    .as("a message a person can read")
                    .isLessThan(1_000);
        }
        hostile.extra().accept(response);
        assertThat(TestSupport.fingerprint(driver))
                .as("the database is unchanged")
                .isEqualTo(before);
    }

    @Test
    void there_are_at_least_a_hundred_hostile_cases() {
        assertThat(cases().count()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void injection_in_search_text_is_searched_for_as_text() {
        var before = TestSupport.fingerprint(driver);
        for (var text : INJECTIONS) {
            var response = http.post("query q($t: String!) { search(text: $t) { score } }", Map.of("t", text), null);
            assertThat(response.errors()).as(response.body()).isEmpty();
        }
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    private static String abbreviated(String body) {
        return body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    private static String nested(int depth) {
        var query = new StringBuilder("{ organization(id: \"x\") { ");
        for (int i = 1; i < depth; i++) {
            query.append(i % 2 == 1 ? "flowsOut { " : "to { ");
        }
        query.append("id ");
        query.append("} ".repeat(depth));
        return query.append('}').toString();
    }

    private static String aliases(int count, String field) {
        var query = new StringBuilder("{ ");
        for (int i = 0; i < count; i++) {
            query.append("a").append(i).append(": ").append(field).append(' ');
        }
        return query.append('}').toString();
    }

    /** Ten fragments, each spreading the next twice: 2^10 aliased fields from a short document. */
    private static String fragmentBomb() {
        var query = new StringBuilder("{ organization(id: \"x\") { ...f0 } }\n");
        for (int i = 0; i < 10; i++) {
            query.append("fragment f").append(i).append(" on Organization { ");
            query.append(
                    i == 9 ? "a: name b: name" : "...f" + (i + 1) + " ... on Organization { ...f" + (i + 1) + " }");
            query.append(" }\n");
        }
        return query.toString();
    }

    private static String yamlBomb() {
        return """
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                """;
    }
}
