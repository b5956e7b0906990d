package org.dataflowatlas.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dataflowatlas.AtlasIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed as one PROV-JSON document, valid against the PROV-JSON schema and checked record by record. */
@AtlasIntegrationTest
class ProvJsonExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphExporter exporter;

    @TempDir
    Path work;

    static Schema provSchema() throws Exception {
        try (var in = ProvJsonExportTest.class.getResourceAsStream("/prov/prov-json-schema-v4.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in);
        }
    }

    @Test
    void the_seed_and_a_trace_export_as_valid_prov_json() throws Exception {
        var schema = provSchema();
        for (var scope : new String[] {null, "x"}) {
            var file = work.resolve("seed.prov.json");
            var result = exporter.export(GraphExporter.Format.PROV_JSON, scope, file);
            var document = JSON.readTree(Files.readString(file));
            assertThat(schema.validate(document)).as("scope " + scope).isEmpty();
            assertThat(result.items()).isGreaterThan(40);
        }
    }

    @Test
    void the_schema_rejects_what_prov_json_forbids() throws Exception {
        // A partial date is not a PROV time, and a derivation needs both ends: the validator must say so.
        var broken = JSON.readTree("""
                {"activity": {"atlas:flow-f": {"prov:startTime": "2023-07"}},
                 "wasDerivedFrom": {"_:d": {"prov:usedEntity": "atlas:source-s"}}}""");
        assertThat(provSchema().validate(broken)).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void organizations_are_agents_flows_activities_and_categories_entities_derived_from_each_other() throws Exception {
        var file = work.resolve("seed.prov.json");
        exporter.export(GraphExporter.Format.PROV_JSON, null, file);
        var document = JSON.readTree(Files.readString(file));
        assertThat(document.get("prefix")).isEqualTo(JSON.readTree("{\"atlas\":\"" + ProvJsonSink.NAMESPACE + "\"}"));

        assertThat(document.at("/agent/atlas:org-x")).isEqualTo(JSON.readTree("""
                        {"atlas:aliases":["Twitter"],"atlas:kind":"Platform","prov:label":"X",
                         "prov:type":{"$":"prov:Organization","type":"prov:QUALIFIED_NAME"}}"""));
        assertThat(document.at("/agent/atlas:person-elon-musk/prov:type/$").asString())
                .isEqualTo("prov:Person");

        var flow = document.at("/activity/atlas:flow-dataminr-to-us-secret-service-first-alert");
        assertThat(flow.get("prov:label").asString()).isEqualTo("Dataminr → US Secret Service (LAW_ENFORCEMENT)");
        assertThat(flow.get("atlas:purpose").asString()).isEqualTo("LAW_ENFORCEMENT");
        assertThat(flow.get("atlas:inferred").toString()).contains("via", "agreements");
        // The seed dates no flow: no PROV times are made up for it.
        assertThat(flow.has("prov:startTime")).isFalse();

        assertThat(relations(document, "used"))
                .contains(Map.of(
                        "prov:activity", "atlas:flow-x-to-dataminr-firehose",
                        "prov:entity", "atlas:category-x-public-posts"));
        assertThat(relations(document, "wasGeneratedBy"))
                .contains(Map.of(
                        "prov:activity", "atlas:flow-x-to-dataminr-firehose",
                        "prov:entity", "atlas:delivered-x-to-dataminr-firehose--x-public-posts"));
        assertThat(relations(document, "wasDerivedFrom"))
                .contains(Map.of(
                        "prov:generatedEntity", "atlas:category-first-alert-alerts",
                        "prov:usedEntity", "atlas:category-x-public-posts"));
        assertThat(relations(document, "wasAssociatedWith"))
                .contains(Map.of(
                        "prov:activity", "atlas:flow-x-to-dataminr-firehose",
                        "prov:agent", "atlas:org-x",
                        "prov:role", "sender"));
        assertThat(relations(document, "wasAttributedTo"))
                .contains(Map.of(
                        "prov:entity", "atlas:source-intercept-x-dataminr-report",
                        "prov:agent", "atlas:org-the-intercept",
                        "prov:role", "publisher"));
    }

    @Test
    void a_vendor_serving_an_agency_s_mission_acts_on_its_behalf_marked_inferred_and_facts_derive_from_sources()
            throws Exception {
        var file = work.resolve("seed.prov.json");
        exporter.export(GraphExporter.Format.PROV_JSON, null, file);
        var document = JSON.readTree(Files.readString(file));
        var delegations = relations(document, "actedOnBehalfOf");
        assertThat(delegations)
                .anySatisfy(delegation -> {
                    assertThat(delegation)
                            .containsEntry("prov:delegate", "atlas:org-dataminr")
                            .containsEntry("prov:responsible", "atlas:org-us-secret-service")
                            .containsEntry("prov:activity", "atlas:flow-dataminr-to-us-secret-service-first-alert")
                            .containsEntry("atlas:inferred", "true");
                    assertThat(delegation.get("atlas:inferredBecause")).contains("LAW_ENFORCEMENT");
                })
                .anySatisfy(delegation -> assertThat(delegation)
                        .containsEntry("prov:delegate", "atlas:person-jennifer-granick")
                        .containsEntry("prov:responsible", "atlas:org-aclu")
                        .containsEntry("atlas:title", "surveillance and cybersecurity counsel"))
                // X sells to Dataminr for its own business: no delegation.
                .noneSatisfy(delegation -> assertThat(delegation).containsEntry("prov:delegate", "atlas:org-x"));

        assertThat(document.at("/entity/atlas:record-flow-x-to-dataminr-firehose/atlas:about/$")
                        .asString())
                .isEqualTo("atlas:flow-x-to-dataminr-firehose");
        var derivations = relations(document, "wasDerivedFrom").stream()
                .filter(d -> d.get("prov:generatedEntity").equals("atlas:record-flow-x-to-dataminr-firehose"))
                .toList();
        assertThat(derivations).hasSize(5);
        assertThat(derivations)
                .anySatisfy(d -> assertThat(d)
                        .containsEntry("prov:usedEntity", "atlas:source-seed-article")
                        .containsEntry(
                                "atlas:quote",
                                "First Alert uses privileged access to X’s “firehose” of all data published by users"
                                        + " in real-time."))
                .anySatisfy(d -> assertThat(d)
                        .containsEntry("prov:usedEntity", "atlas:source-dataminr-secret-service-emails")
                        .doesNotContainKey("atlas:quote"));
    }

    @Test
    void a_flow_s_partial_dates_become_the_first_and_last_instant_they_cover() throws Exception {
        var out = new StringWriter();
        var sink = new ProvJsonSink(out);
        sink.node(List.of("Organization", "Vendor"), Map.of("id", "v", "name", "V"));
        sink.node(List.of("Organization", "Agency"), Map.of("id", "a", "name", "A"));
        sink.node(
                List.of("DataFlow"),
                Map.of("id", "f", "purpose", "PUBLIC_SAFETY", "since", "2023-07", "until", "2024"));
        sink.relationship("SENDS", Map.of(), "Organization", "v", "DataFlow", "f");
        sink.relationship("TO", Map.of(), "DataFlow", "f", "Organization", "a");
        sink.end();
        var document = JSON.readTree(out.toString());
        assertThat(provSchema().validate(document)).isEmpty();
        var flow = document.at("/activity/atlas:flow-f");
        assertThat(flow.get("prov:startTime").asString()).isEqualTo("2023-07-01T00:00:00Z");
        assertThat(flow.get("prov:endTime").asString()).isEqualTo("2024-12-31T23:59:59Z");
        assertThat(flow.get("atlas:since").asString()).isEqualTo("2023-07");
        assertThat(flow.get("atlas:until").asString()).isEqualTo("2024");
    }

    private static List<Map<String, String>> relations(JsonNode document, String kind) {
        var all = new ArrayList<Map<String, String>>();
        for (var relation : document.get(kind)) {
            var map = new TreeMap<String, String>();
            relation.properties()
                    .forEach(entry -> map.put(
                            entry.getKey(),
                            entry.getValue().isValueNode()
                                    ? entry.getValue().asString()
                                    : entry.getValue().toString()));
            all.add(map);
        }
        return all;
    }
}
