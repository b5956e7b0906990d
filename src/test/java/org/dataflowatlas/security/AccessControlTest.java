package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.GraphQlHttp;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;

/**
 * Who may write, over real HTTP with real keys: no key and reader keys cannot mutate (and nothing
 * is written), editor keys can, and every change they make is in the audit trail under the key's
 * name. Ids here start with {@code ac-}; the class removes its nodes and audit entries.
 */
@AtlasIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class AccessControlTest {

    private static final String UPSERT = """
            mutation upsert($id: ID!) { upsertOrganization(input: {id: $id, name: "AC Company", kind: COMPANY}) { id } }
            """;

    @Autowired
    Driver driver;

    @Autowired
    CypherScriptLoader loader;

    @LocalServerPort
    int port;

    GraphQlHttp http;

    @BeforeAll
    void fixtures() {
        http = new GraphQlHttp(port);
        cleanUp();
        loader.load(new ClassPathResource("fixtures/access-control-fixture.cypher"));
    }

    @AfterAll
    void cleanUp() {
        driver.executableQuery("""
                        MATCH (n) WHERE n.id STARTS WITH 'ac-'
                           OR (n:AuditEntry AND any(id IN n.ids WHERE id STARTS WITH 'ac-'))
                        DETACH DELETE n
                        """).execute();
    }

    List<Object> before;

    @BeforeEach
    void fingerprint() {
        before = TestSupport.fingerprint(driver);
    }

    @Test
    void a_mutation_without_a_key_is_unauthorized_writes_nothing_and_is_logged(CapturedOutput output) {
        var response = http.post(UPSERT, Map.of("id", "ac-anonymous"), null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(response.message()).contains("editor key").contains("Authorization: Bearer");
        assertThat(response.data("upsertOrganization")).isNull();
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(output.getAll()).contains("Refused upsertOrganization: no API key was sent");
    }

    @Test
    void a_mutation_with_a_reader_key_is_forbidden_and_writes_nothing(CapturedOutput output) {
        var response = http.post(UPSERT, Map.of("id", "ac-reader"), TestSupport.READER_KEY);

        assertThat(response.classification()).isEqualTo("FORBIDDEN");
        assertThat(response.message()).contains("'test-reader' may only read");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
        assertThat(output.getAll()).contains("Refused upsertOrganization for key 'test-reader'");
    }

    @Test
    void an_unknown_key_is_refused_at_the_door_with_401() {
        var response = http.post("{ organizations(first: 1) { totalCount } }", "not-a-key-this-server-knows");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.classification()).isEqualTo("UNAUTHORIZED");
        assertThat(response.message()).contains("not one this server knows");
    }

    @Test
    void a_password_instead_of_a_bearer_key_is_refused_with_401() {
        var response = http.post("{ organizations(first: 1) { totalCount } }", "Basic dXNlcjpwYXNz");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.message()).contains("'Bearer <key>'");
    }

    @Test
    void reads_are_open_without_a_key_by_default() {
        var response = http.post("{ organization(id: \"ac-platform\") { name } }", null);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.errors()).isEmpty();
        assertThat(response.data("organization")).isEqualTo(Map.of("name", "AC Platform"));
    }

    @Test
    void an_editor_key_writes_and_the_audit_log_names_the_key_never_the_key_itself() {
        var response = http.post(UPSERT, Map.of("id", "ac-written"), TestSupport.EDITOR_KEY);

        assertThat(response.errors()).isEmpty();
        assertThat(response.data("upsertOrganization")).isEqualTo(Map.of("id", "ac-written"));
        var log = auditLog("ac-written", TestSupport.EDITOR_KEY);
        assertThat(log.errors()).isEmpty();
        assertThat(entries(log)).singleElement().satisfies(entry -> {
            assertThat(entry.get("actor")).isEqualTo("test-editor");
            assertThat(entry.get("operation")).isEqualTo("upsertOrganization");
            assertThat(entry.get("ids")).isEqualTo(List.of("ac-written"));
            assertThat((String) entry.get("at")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        });
        var audit = driver.executableQuery("MATCH (a:AuditEntry) RETURN properties(a) AS entry")
                .execute()
                .records();
        assertThat(audit).isNotEmpty();
        assertThat(audit.toString()).doesNotContain(TestSupport.EDITOR_KEY).doesNotContain(TestSupport.READER_KEY);
    }

    @Test
    void the_audit_log_is_for_editors_only() {
        assertThat(auditLog("ac-platform", TestSupport.READER_KEY).classification())
                .isEqualTo("FORBIDDEN");
        assertThat(auditLog("ac-platform", null).classification()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_retraction_keeps_the_flow_and_the_audit_shows_it_after_the_recording() {
        var evidence = List.of(Map.of("source", "ac-source", "quote", "The vendor buys the posts."));
        var recorded = http.post(
                """
                mutation record($input: FlowInput!) { recordFlow(input: $input) { id } }
                """,
                Map.of(
                        "input",
                        Map.of(
                                "id", "ac-flow",
                                "from", "ac-platform",
                                "to", "ac-vendor",
                                "categories", List.of(Map.of("id", "ac-posts")),
                                "purpose", "COMMERCIAL",
                                "accessMethod", "API",
                                "confidence", "REPORTED",
                                "evidence", evidence)),
                TestSupport.EDITOR_KEY);
        assertThat(recorded.errors()).isEmpty();

        var retracted = http.post(
                """
                mutation retract($evidence: [EvidenceInput!]!) {
                  retractFlow(id: "ac-flow", reason: "The report was corrected.", evidence: $evidence) { id retracted }
                }
                """,
                Map.of("evidence", List.of(Map.of("source", "ac-source", "quote", "A correction."))),
                TestSupport.EDITOR_KEY);
        assertThat(retracted.errors()).isEmpty();

        var kept = http.post("{ flow(id: \"ac-flow\") { id retracted } }", null);
        assertThat(kept.data("flow")).isEqualTo(Map.of("id", "ac-flow", "retracted", true));
        var entries = entries(auditLog("ac-flow", TestSupport.EDITOR_KEY));
        assertThat(entries).extracting(entry -> entry.get("operation")).containsExactly("retractFlow", "recordFlow");
        assertThat(entries.getFirst().get("detail")).isEqualTo("The report was corrected.");
        assertThat(entries.getFirst().get("ids")).isEqualTo(List.of("ac-flow", "ac-source"));
        assertThat(entries.get(1).get("ids")).isEqualTo(List.of("ac-flow", "ac-platform", "ac-vendor", "ac-source"));
    }

    private GraphQlHttp.Response auditLog(String entity, String key) {
        return http.post("""
                query log($entity: ID) {
                  auditLog(first: 10, entity: $entity) { totalCount edges { node { id at actor operation ids detail } } }
                }
                """, Map.of("entity", entity), key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(GraphQlHttp.Response response) {
        var log = (Map<String, Object>) response.data("auditLog");
        assertThat(log).as(response.body()).isNotNull();
        return ((List<Map<String, Object>>) log.get("edges"))
                .stream().map(edge -> (Map<String, Object>) edge.get("node")).toList();
    }
}
