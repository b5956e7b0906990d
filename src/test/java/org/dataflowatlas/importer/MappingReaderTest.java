package org.dataflowatlas.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** What a mapping may say comes from schema/mapping.schema.json, and how its mistakes are reported. */
class MappingReaderTest {

    private static final Path SCHEMA = Path.of("schema/mapping.schema.json");
    private static final Pattern DATASET_FORMAT = Pattern.compile("(?m)^format:\\s*(\\S+)");
    private static final Path TEST_MAPPING = Path.of("src/test/resources/import/test-mapping.yaml");

    @Test
    void a_key_the_schema_does_not_list_is_refused_with_the_keys_the_schema_allows() throws IOException {
        var typo = Files.readString(TEST_MAPPING).replace("accessMethod:", "acessMethod:");
        var flowKeys = new ArrayList<>(
                schemaDocument().path("$defs").path("flow").path("properties").propertyNames());
        flowKeys.sort(Comparator.naturalOrder());
        assertThat(flowKeys).contains("accessMethod", "quote", "via");

        assertThatThrownBy(() -> ImportMapping.parse("typo.yaml", typo))
                .isInstanceOf(MappingException.class)
                .hasMessage("typo.yaml: tables[0].flows: unknown key 'acessMethod'; allowed are " + flowKeys
                        + " (see schema/mapping.schema.json).");
    }

    @Test
    void the_schema_alone_decides_which_keys_a_mapping_may_have() throws IOException {
        var flock = Files.readString(Path.of("cypher/import/flock-sharing.yaml"));
        assertThat(ImportMapping.parse("flock-sharing.yaml", flock)
                        .tables()
                        .get(1)
                        .flows())
                .singleElement()
                .satisfies(flow -> assertThat(flow.via()).isNotNull());

        var withoutVia = schemaDocument();
        ((ObjectNode) withoutVia.path("$defs").path("flow").path("properties")).remove("via");
        assertThatThrownBy(() -> MappingReader.read("flock-sharing.yaml", flock, MappingSchema.of(withoutVia)))
                .isInstanceOf(MappingException.class)
                .hasMessageStartingWith("flock-sharing.yaml: tables[1].flows: unknown key 'via'; allowed are [")
                .hasMessageNotContaining("via,");

        var withPolicyOwner = schemaDocument();
        ((ObjectNode) withPolicyOwner.path("$defs").path("policy").path("properties"))
                .putObject("owner")
                .put("type", "string");
        var owned = flock.replace("      - id: \"flock-policy-", "      - owner: someone\n        id: \"flock-policy-");
        assertThatThrownBy(() -> ImportMapping.parse("owned.yaml", owned)).hasMessageContaining("unknown key 'owner'");
        assertThat(MappingReader.read("owned.yaml", owned, MappingSchema.of(withPolicyOwner))
                        .tables()
                        .get(2)
                        .policies())
                .hasSize(1);
    }

    @Test
    void every_shipped_mapping_is_valid_against_the_schema() throws IOException {
        try (var files = Files.list(Path.of("cypher/import"))) {
            var mappings = files.filter(file -> file.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
            assertThat(mappings).isNotEmpty();
            for (var file : mappings) {
                var text = Files.readString(file);
                var format = DATASET_FORMAT.matcher(text);
                if (format.find()) {
                    // Dataset formats have readers of their own, whose tests load these files.
                    assertThat(format.group(1)).as(file.toString()).isIn("events", "registries");
                    continue;
                }
                var mapping = ImportMapping.parse(file.toString(), text);
                assertThat(mapping.name() + ".yaml")
                        .isEqualTo(file.getFileName().toString());
            }
        }
    }

    @Test
    void the_jar_carries_the_schema_file_of_the_repository() throws IOException {
        var packaged = new ClassPathResource(MappingSchema.RESOURCE).getContentAsString(StandardCharsets.UTF_8);
        assertThat(packaged).isEqualTo(Files.readString(SCHEMA));
    }

    @Test
    void shape_mistakes_name_the_place_in_the_mapping() throws IOException {
        var base = Files.readString(TEST_MAPPING);
        assertRefused(
                base.replace("        quote: \"row {_line} of {_file}\"\n", ""),
                "bad.yaml: tables[0].flows: 'quote' is required.");
        assertRefused(base.replace("name: import-test", "name: \"  \""), "bad.yaml: 'name' is required.");
        assertRefused(
                base.replace("  - {id: imp-a, name: Import A, kind: PLATFORM}", "  - imp-a"),
                "bad.yaml: organizations must be a map of keys to values.");
        assertRefused(
                "name: x\nsource: {id: s, title: t, kind: DATASET}\ntables: agency.csv\n",
                "bad.yaml: tables must be a list.");
        assertRefused("", "bad.yaml must be a map of keys to values.");
        assertRefused(
                base.replace("id: import-test-source", "id: Import Test"),
                "bad.yaml: source.id 'Import Test' is not a valid id: use lower-case letters and digits in words joined"
                        + " by single hyphens (e.g. us-secret-service), at most 120 characters.");
        assertRefused(
                base.replace("accessMethod: API", "accessMethod: API\n        realTime: maybe"),
                "bad.yaml: tables[0].flows[0].realTime: string found, boolean expected (see schema/mapping.schema.json).");
    }

    @Test
    void a_value_of_two_possible_shapes_is_judged_by_the_shape_it_has() throws IOException {
        var base = Files.readString(TEST_MAPPING);
        // A flow's end is an id or an organization: a map is told what an organization lacks.
        assertRefused(
                base.replace("from: \"{from}\"", "from: {nam: \"{from}\"}"),
                "bad.yaml: tables[0].flows.from: 'name' is required.");
        // A jurisdiction is a level or rules: a text is told the levels.
        assertRefused(
                base.replace(
                        "{id: imp-a, name: Import A, kind: PLATFORM}",
                        "{id: imp-a, name: Import A, jurisdiction: federal}"),
                "bad.yaml: organizations[0].jurisdiction: does not have a value in the enumeration"
                        + " [\"FEDERAL\", \"STATE\", \"LOCAL\", \"INTERNATIONAL\"] (see schema/mapping.schema.json).");
        assertRefused(
                base.replace(
                        "{id: imp-a, name: Import A, kind: PLATFORM}",
                        "{id: imp-a, name: Import A, jurisdiction: {from: \"{x}\", rulez: []}}"),
                "bad.yaml: organizations.jurisdiction: unknown key 'rulez'; allowed are [from, rules]"
                        + " (see schema/mapping.schema.json).");
    }

    @Test
    void templates_and_expressions_are_checked_when_the_mapping_is_read() throws IOException {
        var base = Files.readString(TEST_MAPPING);
        assertRefused(
                base.replace("\"{id}\"", "\"{id|bogus}\""),
                "mapping: unknown filter 'bogus' in \"{id|bogus}\"; use one of [slug, suffix, lower, number,"
                        + " periodStart, periodEnd, periodSlug].");
        assertRefused(
                base.replace(
                        "{id: imp-a, name: Import A, kind: PLATFORM}",
                        "{id: imp-a, name: Import A, jurisdiction: {from: x, rules: [{match: \"(\", value: FEDERAL}]}}"),
                "organizations.jurisdiction.rules: '(' is not a regular expression: Unclosed group");
    }

    @Test
    void unquoted_years_dates_and_numbers_read_as_the_text_they_are() throws IOException {
        var mapping = ImportMapping.parse(
                "dates.yaml",
                Files.readString(TEST_MAPPING)
                        .replace("kind: DATASET", "kind: DATASET\n  published: 2024\n  retrieved: 2024-04-26")
                        .replace("{id: imp-c, name: Import C, kind: AGENCY}", "{id: imp-c, name: 007, kind: AGENCY}"));
        assertThat(mapping.source().published()).isEqualTo("2024");
        assertThat(mapping.source().retrieved()).isEqualTo("2024-04-26");
        assertThat(mapping.organizations().get(2).name().text()).isEqualTo("007");
    }

    private static void assertRefused(String yaml, String message) {
        assertThatThrownBy(() -> ImportMapping.parse("bad.yaml", yaml))
                .isInstanceOf(MappingException.class)
                .hasMessage(message);
    }

    private static JsonNode schemaDocument() throws IOException {
        return JsonMapper.shared().readTree(Files.readString(SCHEMA));
    }
}
