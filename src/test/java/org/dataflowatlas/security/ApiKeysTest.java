package org.dataflowatlas.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApiKeysTest {

    @TempDir
    Path data;

    private Neo4jConnectionInfo embedded() {
        return new Neo4jConnectionInfo(true, "bolt://localhost:7687", Optional.empty(), Optional.of(data));
    }

    private static AccessProperties noKeys() {
        return new AccessProperties(AccessProperties.Reads.OPEN, null, true);
    }

    @Test
    void the_embedded_default_creates_an_owner_only_editor_key_once_and_reuses_it() throws Exception {
        var first = ApiKeys.from(noKeys(), embedded());

        var file = data.resolve("editor.key");
        assertThat(first.generatedKeyFile()).contains(file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        var key = Files.readString(file).strip();
        assertThat(key).startsWith("dfa_").hasSizeGreaterThan(40);
        assertThat(first.find(key)).contains(new ApiKeys.ApiKey("local-editor", Role.EDITOR));

        var restarted = ApiKeys.from(noKeys(), embedded());
        assertThat(Files.readString(file).strip()).isEqualTo(key);
        assertThat(restarted.find(key)).isPresent();
        assertThat(restarted.find(key + "x")).isEmpty();
    }

    @Test
    void configured_keys_are_matched_by_digest_and_no_key_file_is_made() {
        var properties = new AccessProperties(
                AccessProperties.Reads.KEY,
                Map.of(
                        "alice",
                        new AccessProperties.KeySpec(Role.EDITOR, ApiKeys.sha256("alice-secret-key")),
                        "bob",
                        new AccessProperties.KeySpec(Role.READER, ApiKeys.sha256("bob-secret-key"))),
                true);

        var keys = ApiKeys.from(properties, embedded());

        assertThat(keys.find("alice-secret-key")).contains(new ApiKeys.ApiKey("alice", Role.EDITOR));
        assertThat(keys.find("bob-secret-key")).contains(new ApiKeys.ApiKey("bob", Role.READER));
        assertThat(keys.find("carol-secret-key")).isEmpty();
        assertThat(keys.generatedKeyFile()).isEmpty();
        assertThat(data.resolve("editor.key")).doesNotExist();
    }

    @Test
    void an_external_database_gets_no_generated_key() {
        var external = new Neo4jConnectionInfo(false, "neo4j://db:7687", Optional.empty(), Optional.empty());

        var keys = ApiKeys.from(noKeys(), external);

        assertThat(keys.size()).isZero();
    }

    @Test
    void a_key_configured_in_the_clear_instead_of_its_digest_stops_start_up_with_what_to_do() {
        var properties = new AccessProperties(
                AccessProperties.Reads.OPEN,
                Map.of("alice", new AccessProperties.KeySpec(Role.EDITOR, "alice-secret-key")),
                true);

        assertThatThrownBy(() -> ApiKeys.from(properties, embedded()))
                .hasMessageContaining("dataflow.security.keys.alice.sha256")
                .hasMessageContaining("never the key itself");
    }

    @Test
    void a_key_without_a_role_stops_start_up() {
        var properties = new AccessProperties(
                AccessProperties.Reads.OPEN,
                Map.of("alice", new AccessProperties.KeySpec(null, ApiKeys.sha256("k"))),
                true);

        assertThatThrownBy(() -> ApiKeys.from(properties, embedded()))
                .hasMessageContaining("dataflow.security.keys.alice.role is missing");
    }
}
