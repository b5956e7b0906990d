package org.dataflowatlas.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.ftm.FtmSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seed as FollowTheMoney entities, checked entity by entity, and against the FtM schemata. */
@AtlasIntegrationTest
class FtmExportTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    GraphExporter exporter;

    @TempDir
    Path work;

    @Test
    void organizations_are_companies_public_bodies_or_organizations_by_kind() throws Exception {
        var entities = export(null);
        assertThat(entities.get("org.x")).isEqualTo(json("""
                        {"id":"org.x","schema":"Company","properties":{"alias":["Twitter"],"classification":["Platform"],
                         "description":["Social media platform, formerly Twitter."],"name":["X"]}}"""));
        assertThat(entities.get("org.us-secret-service")).isEqualTo(json("""
                        {"id":"org.us-secret-service","schema":"PublicBody","properties":{"alias":["Secret Service"],
                         "classification":["Agency"],"country":["us"],
                         "description":["Protects US political leaders and the country’s financial infrastructure."],
                         "keywords":["FEDERAL"],"name":["US Secret Service"],
                         "notes":["Inferred, not stated: jurisdiction: The article says it protects US political leaders and the country’s financial infrastructure, a national remit; it does not call it federal."]}}"""));
        assertThat(entities.get("org.dataminr-law-enforcement-customers").at("/properties/notes"))
                .contains(JSON.getNodeFactory().stringNode("Group of unnamed members; estimated size: dozens"));
        assertThat(entities.get("org.eff").get("schema").asString()).isEqualTo("Organization");
        assertThat(entities.get("org.us-supreme-court").get("schema").asString())
                .isEqualTo("PublicBody");
        assertThat(entities.get("person.elon-musk")).isEqualTo(json("""
                        {"id":"person.elon-musk","schema":"Person","properties":{"name":["Elon Musk"]}}"""));
    }

    @Test
    void ownership_runs_from_owner_to_asset_and_roles_are_memberships_unless_they_govern() throws Exception {
        var entities = export(null);
        assertThat(entities.get("ownership.elon-musk.x")).isEqualTo(json("""
                        {"id":"ownership.elon-musk.x","schema":"Ownership","properties":{"asset":["org.x"],
                         "owner":["person.elon-musk"],
                         "summary":["Social media platform X, formerly Twitter, continues to sell real-time user data to law-enforcement agencies under new owner Elon Musk"]}}"""));
        assertThat(entities.get("ownership.x.dataminr").at("/properties/status"))
                .isEqualTo(json("[\"former\"]"));
        assertThat(entities.get("membership.adam-schwartz.eff.privacy-litigation-director"))
                .isEqualTo(json("""
                        {"id":"membership.adam-schwartz.eff.privacy-litigation-director","schema":"Membership",
                         "properties":{"member":["person.adam-schwartz"],"organization":["org.eff"],
                         "role":["privacy litigation director"],
                         "summary":["said Electronic Frontier Foundation privacy litigation director Adam Schwartz"]}}"""));
        assertThat(FtmSink.isDirectorship("privacy litigation director")).isFalse();
        assertThat(FtmSink.isDirectorship("Director")).isTrue();
        assertThat(FtmSink.isDirectorship("Chief Executive Officer")).isTrue();
        assertThat(FtmSink.isDirectorship("member of the board")).isTrue();
        assertThat(FtmSink.isDirectorship("surveillance and cybersecurity counsel"))
                .isFalse();
    }

    @Test
    void a_flow_is_an_unknown_link_from_sender_to_receiver_with_its_evidence_documented() throws Exception {
        var entities = export(null);
        var flow = entities.get("flow.x-to-dataminr-firehose");
        assertThat(flow.get("schema").asString()).isEqualTo("UnknownLink");
        var p = flow.get("properties");
        assertThat(p.get("subject")).isEqualTo(json("[\"org.x\"]"));
        assertThat(p.get("object")).isEqualTo(json("[\"org.dataminr\"]"));
        assertThat(p.get("role")).isEqualTo(json("[\"data flow: COMMERCIAL\"]"));
        assertThat(p.get("status")).isEqualTo(json("[\"REPORTED\"]"));
        assertThat(p.get("recordId")).isEqualTo(json("[\"x-to-dataminr-firehose\"]"));
        assertThat(p.get("publisher")).isEqualTo(json("[\"The Intercept\"]"));
        assertThat(p.get("description")).isEqualTo(json("""
                        ["X sells Dataminr real-time access to the full stream of publicly available posts.",
                         "Carries: X public posts",
                         "Under: Contract between X and Dataminr for real-time access to public posts",
                         "Via: X firehose","Access: FIREHOSE, in real time"]"""));
        assertThat(p.get("summary")).hasSize(3);
        assertThat(p.get("summary").toString()).contains("full stream of all publicly available Tweets");

        // FtM documents things, not intervals: the source documents both parties, naming the flow.
        var documentation = entities.get("documentation.seed-article.flow.x-to-dataminr-firehose.org.x");
        assertThat(documentation.at("/properties/document")).isEqualTo(json("[\"source.seed-article\"]"));
        assertThat(documentation.at("/properties/entity")).isEqualTo(json("[\"org.x\"]"));
        assertThat(documentation.at("/properties/role")).isEqualTo(json("[\"evidence: flow.x-to-dataminr-firehose\"]"));
        assertThat(documentation.at("/properties/summary")).hasSize(3);
        assertThat(entities.get("documentation.seed-article.flow.x-to-dataminr-firehose.org.dataminr")
                        .at("/properties/summary"))
                .isEqualTo(documentation.at("/properties/summary"));
        // A source the project has not read is documentation without a quote.
        assertThat(entities.get("documentation.intercept-x-dataminr-report.flow.x-to-dataminr-firehose.org.x")
                        .at("/properties"))
                .isEqualTo(json("""
                        {"document":["source.intercept-x-dataminr-report"],"entity":["org.x"],
                         "role":["evidence: flow.x-to-dataminr-firehose"]}"""));
        // What is only inferred says so.
        assertThat(entities.get("flow.dataminr-to-us-secret-service-first-alert")
                        .at("/properties/description")
                        .toString())
                .contains("Inferred, not stated: via: The article names First Alert");
    }

    @Test
    void an_event_is_an_ftm_event_involving_its_parties_documented_by_its_source() throws Exception {
        var entities = export(null);
        var event = entities.get("event.supreme-court-declines-x-petition");
        assertThat(event.get("schema").asString()).isEqualTo("Event");
        var p = event.get("properties");
        assertThat(p.get("name").get(0).asString())
                .isEqualTo(
                        "US Supreme Court rejects X’s request to consider whether it could disclose national-security"
                                + " request counts");
        assertThat(p.get("date")).containsExactly(JSON.getNodeFactory().stringNode("2024-01"));
        assertThat(p.get("involved").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("org.x", "org.us-supreme-court");
        assertThat(p.get("notes").get(0).asString()).startsWith("Inferred, not stated: date: The article says");
        // A thing in FtM terms, so its source documents the event itself, with the quote.
        var documentation = entities.values().stream()
                .filter(entity -> entity.get("schema").asString().equals("Documentation"))
                .filter(entity -> entity.at("/properties/entity/0")
                        .asString("")
                        .equals(event.get("id").asString()))
                .toList();
        assertThat(documentation).singleElement().satisfies(entity -> {
            assertThat(entity.at("/properties/document/0").asString()).isEqualTo("source.seed-article");
            assertThat(entity.at("/properties/role/0").asString())
                    .isEqualTo("evidence: event.supreme-court-declines-x-petition");
            assertThat(entity.at("/properties/summary/0").asString())
                    .startsWith("the US Supreme Court in January rejected");
        });
    }

    @Test
    void sources_are_documents_and_the_held_text_travels_as_plain_text() throws Exception {
        var entities = export(null);
        var article = entities.get("source.seed-article");
        assertThat(article.get("schema").asString()).isEqualTo("PlainText");
        assertThat(article.at("/properties/bodyText/0").asString())
                .isEqualTo(Files.readString(Path.of("docs/seed-article.txt")));
        assertThat(article.at("/properties/publishedAt")).isEqualTo(json("[\"2024\"]"));
        assertThat(article.at("/properties/keywords")).isEqualTo(json("[\"NEWS_REPORT\"]"));
        assertThat(entities.get("source.intercept-x-dataminr-report").at("/properties/publisher"))
                .isEqualTo(json("[\"The Intercept\"]"));
        assertThat(entities.get("documentation.seed-article.source.intercept-x-dataminr-report")
                        .at("/properties/role"))
                .isEqualTo(json("[\"cites\"]"));
    }

    @Test
    void every_entity_follows_the_ftm_schemata_and_ids_are_stable() throws Exception {
        var first = work.resolve("a.ftm.json");
        var second = work.resolve("b.ftm.json");
        var result = exporter.export(GraphExporter.Format.FTM, null, first);
        exporter.export(GraphExporter.Format.FTM, null, second);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        var lines = Files.readAllLines(first);
        assertThat(lines).hasSize((int) result.items());
        var entities = new LinkedHashMap<String, JsonNode>();
        for (var line : lines) {
            var entity = JSON.readTree(line);
            assertThat(entity.propertyNames()).containsExactly("id", "schema", "properties");
            assertThat(entities.put(entity.get("id").asString(), entity)).isNull();
        }
        for (var entity : entities.values()) {
            var schema = entity.get("schema").asString();
            assertThat(FtmSchema.isDescribed(schema) && !FtmSchema.isAbstract(schema))
                    .as(schema)
                    .isTrue();
            for (var name : entity.get("properties").propertyNames()) {
                var property = FtmSchema.property(schema, name);
                assertThat(property).as(schema + "." + name).isPresent();
                var values = entity.get("properties").get(name);
                assertThat(values.isArray() && !values.isEmpty()).isTrue();
                for (var value : values) {
                    assertThat(value.isString()).isTrue();
                    if (property.get().range() != null) {
                        var target = entities.get(value.asString());
                        assertThat(target)
                                .as(entity.get("id") + " " + name + " -> " + value)
                                .isNotNull();
                        assertThat(FtmSchema.isA(
                                        target.get("schema").asString(),
                                        property.get().range()))
                                .as(name + " of " + entity.get("id") + " must be a "
                                        + property.get().range())
                                .isTrue();
                    }
                }
            }
        }
        // The edges FtM requires: both ends of every ownership, role, link and documentation.
        for (var required : Map.of(
                        "Ownership", List.of("owner", "asset"),
                        "Membership", List.of("member", "organization"),
                        "UnknownLink", List.of("subject", "object"),
                        "Documentation", List.of("document", "entity"))
                .entrySet()) {
            entities.values().stream()
                    .filter(entity -> entity.get("schema").asString().equals(required.getKey()))
                    .forEach(entity -> required.getValue()
                            .forEach(property -> assertThat(entity.at("/properties/" + property))
                                    .hasSize(1)));
        }
        assertThat(entities)
                .containsKeys(
                        "org.x",
                        "ownership.x.dataminr",
                        "documentation.seed-article.ownership.x.dataminr.org.x",
                        "documentation.seed-article.ownership.x.dataminr.org.dataminr");
    }

    @Test
    void a_trace_exports_what_it_reaches_and_the_evidence_of_it() throws Exception {
        var entities = export("x");
        assertThat(entities.keySet())
                .contains(
                        "org.x",
                        "org.dataminr",
                        "org.us-secret-service",
                        "flow.dataminr-to-us-secret-service-first-alert",
                        "source.seed-article",
                        "documentation.seed-article.flow.dataminr-to-us-secret-service-first-alert.org.us-secret-service",
                        "ownership.x.dataminr")
                .doesNotContain("org.aclu", "person.elon-musk", "ownership.elon-musk.x");
    }

    private Map<String, JsonNode> export(String traceFrom) throws Exception {
        var file = work.resolve("export.ftm.json");
        exporter.export(GraphExporter.Format.FTM, traceFrom, file);
        var entities = new LinkedHashMap<String, JsonNode>();
        for (var line : Files.readAllLines(file)) {
            var entity = JSON.readTree(line);
            entities.put(entity.get("id").asString(), entity);
        }
        return entities;
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
