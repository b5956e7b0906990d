package org.dataflowatlas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** docker-compose.yml cannot run here (no Docker engine), so its wiring is checked by reading it. */
class DockerComposeTest {

    static Map<String, Object> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
    }

    @Test
    void runs_a_pinned_official_neo4j_community_image_with_auth_from_the_environment() {
        var neo4j = service("neo4j");
        assertThat((String) neo4j.get("image")).matches("neo4j:\\d{4}\\.\\d{2}\\.\\d+");
        assertThat(env(neo4j).get("NEO4J_AUTH")).startsWith("neo4j/${NEO4J_PASSWORD");
        assertThat((List<String>) list(neo4j, "volumes")).anyMatch(v -> v.endsWith(":/data"));
        assertThat(neo4j).containsKey("healthcheck");
        assertThat(env(neo4j))
                .as("no usage reports from the server or Browser")
                .containsEntry("NEO4J_dbms_usage__report_enabled", "false")
                .containsEntry("NEO4J_client_allow__telemetry", "false");
    }

    @Test
    void points_the_app_at_the_neo4j_service_over_bolt() {
        var app = service("app");
        assertThat(app.get("build")).isEqualTo(".");
        var env = env(app);
        assertThat(env.get("NEO4J_URI")).isEqualTo("bolt://neo4j:7687");
        assertThat(env.get("NEO4J_PASSWORD")).isEqualTo("${NEO4J_PASSWORD}");
        assertThat(env.get("DATAFLOW_READS")).isEqualTo("${DATAFLOW_READS:-key}");
        assertThat(env.get("DATAFLOW_SECURITY_KEYS_EDITOR_SHA256")).startsWith("${DATAFLOW_EDITOR_KEY_SHA256:?");
        assertThat(list(service("neo4j"), "ports")).contains("127.0.0.1:7687:7687");
        @SuppressWarnings("unchecked")
        var dependsOn = (Map<String, Map<String, String>>) app.get("depends_on");
        assertThat(dependsOn.get("neo4j")).containsEntry("condition", "service_healthy");
    }

    @Test
    void the_image_the_app_builds_from_exists_and_packages_the_jar() throws IOException {
        var dockerfile = Files.readString(Path.of("Dockerfile"));
        assertThat(dockerfile).contains("COPY schema schema", "COPY cypher cypher", "dataflow-atlas.jar");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> env(Map<String, Object> service) {
        return (Map<String, String>) service.get("environment");
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> service, String key) {
        return (List<String>) service.get(key);
    }
}
