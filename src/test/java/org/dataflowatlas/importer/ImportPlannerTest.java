package org.dataflowatlas.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The planner's parts on their own, for what the import tests cannot see: templates compiled once,
 * rows and flow ends with real types. The mappings here make every organization they name, so the
 * database is never asked (the directory below fails if it is).
 */
class ImportPlannerTest {

    private static final ImportPlanner.Directory NOT_ASKED = new ImportPlanner.Directory() {
        @Override
        public Set<String> existingOrganizations(Set<String> ids) {
            throw new AssertionError("the database was asked for " + ids);
        }

        @Override
        public Map<String, String> idsByName(Set<String> names) {
            throw new AssertionError("the database was asked for " + names);
        }
    };

    @TempDir
    Path work;

    @Test
    void templates_are_compiled_when_the_mapping_is_read_and_never_again_for_its_rows() throws IOException {
        var mapping = ImportMapping.parse("test-mapping.yaml", Files.readString(testMapping()));
        var rows = IntStream.rangeClosed(1, 500)
                .mapToObj(i -> "imp-flow-" + i + ",imp-a,imp-" + (i % 2 == 0 ? "b" : "c") + ",COMMERCIAL,2020\n")
                .toList();
        Files.writeString(work.resolve("flows.csv"), "id,from,to,purpose,since\n" + String.join("", rows));

        long compiled = Template.compiled();
        var plan = new ImportPlanner(mapping, NOT_ASKED).plan(List.of(work));

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.tables().getFirst().flows()).hasSize(500);
        assertThat(Template.compiled()).as("templates compiled while planning").isEqualTo(compiled);
    }

    @Test
    void a_row_reads_its_columns_by_name_with_missing_markers_blank_and_knows_its_place() {
        var row = Row.of(
                Map.of("agency", 0, "count", 1, "note", 2),
                new String[] {"Sylvania OH PD", "NA", "x"},
                Set.of("NA"),
                "agency.csv",
                7);
        assertThat(row.get("agency")).isEqualTo("Sylvania OH PD");
        assertThat(row.get("count")).isEmpty();
        assertThat(row.get("no such column")).isEmpty();
        assertThat(row.get("_file")).isEqualTo("agency.csv");
        assertThat(row.get("_line")).isEqualTo("7");
        assertThat(row.line()).isEqualTo(7);
        assertThat(Template.of("{agency|slug}-{note}, line {_line}", "test").apply(row))
                .isEqualTo("sylvania-oh-pd-x, line 7");
    }

    @Test
    void a_flow_end_given_by_name_stays_a_name_until_names_are_resolved() throws IOException {
        var mapping = ImportMapping.parse(
                "transparency-reports.yaml", Files.readString(Path.of("cypher/import/transparency-reports.yaml")));
        var spec = mapping.tables().getFirst().flows().getFirst();
        var names = new ArrayList<String>();
        var made = new ArrayList<String>();
        var evaluator = new RowEvaluator(new RowEvaluator.Needs() {
            @Override
            public void organization(Planned.Organization organization, String file, long line) {
                made.add(organization.id() + " " + organization.kindLabel() + " " + organization.jurisdiction());
            }

            @Override
            public void byName(String name, @Nullable String kindLabel) {
                names.add(name + " " + kindLabel);
            }

            @Override
            public void reference(String id, RowError place) {
                throw new AssertionError("no end is given by id: " + id);
            }

            @Override
            public void publisher(String name) {
                throw new AssertionError("no policy: " + name);
            }
        });
        var header = List.of(
                "ID",
                "Service Provider",
                "Year",
                "Period",
                "Country",
                "User Data Requests",
                "Number of Requests where some data was disclosed (content or non content)",
                "Percentage of Requests where some data was disclosed (content or non content)",
                "Users/Accounts Specified");
        var columns = new java.util.HashMap<String, Integer>();
        IntStream.range(0, header.size()).forEach(i -> columns.put(header.get(i), i));
        var row = Row.of(
                columns,
                new String[] {"Austria - Twitter", "Twitter", "2012", "2012 (1st half)", "Austria", "11", "", "5.5", ""
                },
                Set.of(),
                "transparency.csv",
                3);

        var flow = evaluator.flow(spec, row, "transparency-source", "transparency.csv", 3);

        assertThat(flow.from()).isEqualTo(new Planned.ByName("Twitter"));
        assertThat(flow.to()).isEqualTo(new Planned.ById("government-of-austria"));
        assertThat(names).containsExactly("Twitter Platform");
        assertThat(made).containsExactly("government-of-austria Agency FEDERAL");
        assertThat(flow.id()).isEqualTo("twitter-to-government-of-austria-2012-01-to-2012-06");
        assertThat(flow.properties())
                .containsEntry("since", "2012-01")
                .containsEntry("until", "2012-06")
                .containsEntry("requests", 11L)
                .containsEntry("disclosurePercent", 5.5)
                .containsEntry("requestsWithDisclosure", null)
                .containsEntry("realTime", false);

        var resolved = flow.withEnds(new NameResolver.Resolution(Map.of("Twitter", "x"), Map.of())::resolve);
        assertThat(resolved.parameters()).containsEntry("from", "x").containsEntry("to", "government-of-austria");
    }

    @Test
    void a_name_the_import_itself_makes_resolves_without_the_database() throws IOException {
        Files.writeString(work.resolve("named.yaml"), """
                name: named
                source: {id: named-source, title: Named, kind: DATASET}
                organizations:
                  - {id: imp-acme, name: Acme Data, kind: VENDOR}
                tables:
                  - file: named.csv
                    flows:
                      - id: "{id}"
                        from: {name: "{seller}"}
                        to: {id: "imp-{buyer|slug}", name: "{buyer}", kind: AGENCY}
                        categories: [{id: imp-data}]
                        purpose: COMMERCIAL
                        accessMethod: API
                        confidence: REPORTED
                        quote: "line {_line}"
                """);
        Files.writeString(work.resolve("named.csv"), "id,seller,buyer\nimp-sale-1,ACME DATA,Police\n");
        var mapping = ImportMapping.parse("named.yaml", Files.readString(work.resolve("named.yaml")));

        var plan = new ImportPlanner(mapping, NOT_ASKED).plan(List.of(work.resolve("named.csv")));

        assertThat(plan.errors()).isEmpty();
        assertThat(plan.tables().getFirst().flows())
                .singleElement()
                .satisfies(flow ->
                        assertThat(flow).containsEntry("from", "imp-acme").containsEntry("to", "imp-police"));
        assertThat(plan.organizations()).extracting(o -> o.get("id")).containsExactly("imp-acme", "imp-police");
    }

    private static Path testMapping() {
        return Path.of("src/test/resources/import/test-mapping.yaml");
    }
}
