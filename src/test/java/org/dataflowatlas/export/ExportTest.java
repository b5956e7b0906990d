package org.dataflowatlas.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import javax.xml.parsers.DocumentBuilderFactory;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Exports of the shared graph: JSON lines and GraphML that parse ({@link CypherRoundTripTest} loads a Cypher export back). */
@AtlasIntegrationTest
class ExportTest {

    @Autowired
    GraphExporter exporter;

    @Autowired
    Driver driver;

    @TempDir
    Path work;

    @Test
    void json_lines_hold_one_node_or_relationship_per_line() throws Exception {
        var file = work.resolve("atlas.jsonl");
        var result = exporter.export(GraphExporter.Format.JSON, null, file);
        var lines = Files.readAllLines(file);
        assertThat(lines).hasSize((int) (result.nodes() + result.relationships()));
        assertThat(lines)
                .anyMatch(line -> line.startsWith("{\"type\":\"node\",\"labels\":[\"Organization\",\"Platform\"]")
                        && line.contains("\"aliases\":[\"Twitter\"]"));
        assertThat(lines)
                .anyMatch(line ->
                        line.contains("\"label\":\"EVIDENCED_BY\"") && line.contains("whole point of this contract"));
        // What the sources do not state travels with the facts.
        assertThat(lines)
                .anyMatch(line -> line.contains("\"id\":\"dataminr-to-us-secret-service-first-alert\"")
                        && line.contains(
                                "\"inferred\":[\"via\",\"accessMethod\",\"realTime\",\"categories\",\"agreements\"]")
                        && line.contains("\"inferredBecause\":[\"The article names First Alert"));
    }

    @Test
    void a_number_json_cannot_hold_is_written_as_text_and_every_line_stays_valid_json() throws Exception {
        driver.executableQuery("""
                        MERGE (s:Source {id: 'export-nan-source'}) SET s.title = 'Numbers', s.kind = 'DATASET',
                            s.score = 0.0 / 0.0, s.ceiling = 1.0 / 0.0, s.floor = -1.0 / 0.0, s.weights = [0.5, 0.0 / 0.0]""").execute();
        try {
            var file = work.resolve("numbers.jsonl");
            exporter.export(GraphExporter.Format.JSON, null, file);
            // Strict JSON: a bare NaN or Infinity token fails here.
            var strict = JsonMapper.builder().build();
            JsonNode source = null;
            for (var line : Files.readAllLines(file)) {
                var parsed = strict.readTree(line);
                if ("export-nan-source"
                        .equals(parsed.path("properties").path("id").asString(null))) {
                    source = parsed.path("properties");
                }
            }
            assertThat(source).isNotNull();
            assertThat(source.path("score").asString()).isEqualTo("NaN");
            assertThat(source.path("ceiling").asString()).isEqualTo("Infinity");
            assertThat(source.path("floor").asString()).isEqualTo("-Infinity");
            assertThat(source.path("weights").get(0).asDouble()).isEqualTo(0.5);
            assertThat(source.path("weights").get(1).asString()).isEqualTo("NaN");
        } finally {
            driver.executableQuery("MATCH (s:Source {id: 'export-nan-source'}) DETACH DELETE s")
                    .execute();
        }
    }

    @Test
    void graphml_of_a_trace_holds_the_organizations_flows_and_evidence_it_reaches() throws Exception {
        var file = work.resolve("x.graphml");
        var result = exporter.export(GraphExporter.Format.GRAPHML, "x", file);
        var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        var nodes = document.getElementsByTagName("node");
        assertThat(nodes.getLength()).isEqualTo((int) result.nodes());
        var ids = new ArrayList<String>();
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(nodes.item(i).getAttributes().getNamedItem("id").getNodeValue());
        }
        assertThat(ids)
                .contains(
                        "Organization:x",
                        "Organization:dataminr",
                        "Organization:us-secret-service",
                        "DataFlow:dataminr-to-us-secret-service-first-alert",
                        "DataCategory:first-alert-alerts",
                        "Source:dataminr-secret-service-emails")
                .doesNotContain("Organization:aclu");
        assertThat(Files.readString(file))
                .contains("attr.name=\"inferred\"", "attr.name=\"inferredBecause\"")
                .contains("[\"via\",\"accessMethod\",\"realTime\",\"categories\",\"agreements\"]");
        assertThat(document.getElementsByTagName("edge").getLength())
                .isEqualTo((int) result.relationships())
                .isGreaterThan(10);
    }
}
