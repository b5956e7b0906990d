package org.dataflowatlas.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.graph.Lineage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.security.test.context.support.WithMockUser;

/** The shipped mappings over slices of the real datasets, and what bad input does (nothing). */
@AtlasIntegrationTest
class ImportTest {

    private static final Path FLOCK = Path.of("src/test/resources/import/flock-slice");
    private static final Path TRANSPARENCY = Path.of("src/test/resources/import/transparency-slice");

    @Autowired
    Importer importer;

    @Autowired
    Driver driver;

    @Autowired
    GraphQlTester graphQl;

    @TempDir
    Path work;

    private final StringWriter progress = new StringWriter();

    /** Imported data would change other tests' answers (e.g. X's trace): remove it, before and after. */
    @BeforeEach
    @AfterEach
    void removeImportedData() {
        driver.executableQuery("""
                        MATCH (n)
                        WHERE (n:DataFlow OR n:Organization OR n:DataCategory OR n:Product OR n:Source OR n:Policy)
                          AND any(prefix IN $prefixes WHERE n.id STARTS WITH prefix)
                          AND NOT n.id IN ['x', 'dataminr']
                        DETACH DELETE n
                        """)
                .withParameters(Map.of("prefixes", IMPORTED_PREFIXES))
                .execute();
    }

    private static final List<String> IMPORTED_PREFIXES = List.of(
            "flock-",
            "the-news-and-observer",
            "government-of-",
            "google",
            "twitter-",
            "imp-",
            "import-test",
            "flock-policy-",
            "transparency-requests-");

    @Test
    void flock_rows_become_agencies_sharing_their_own_camera_reads() {
        var summary = run("flock-sharing", FLOCK, false);
        assertThat(summary.failed()).as(String.join("\n", summary.lines())).isFalse();
        assertThat(summary.rowsRead()).isEqualTo(12);
        assertThat(summary.skipped())
                .containsEntry(
                        "policy of 'Barstow CA PD', which is no organization of this import or the database", 1L);
        assertThat(summary.flows()).isEqualTo(2);

        var flow = one("""
                MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: 'flock-2459-to-14'})-[:TO]->(t:Organization),
                      (f)-[:CARRIES]->(c:DataCategory), (f)-[:VIA]->(p:Product)<-[:OFFERS]-(vendor:Vendor),
                      (f)-[e:EVIDENCED_BY]->(src:Source)-[:PUBLISHED_BY]->(publisher:Organization)
                RETURN s.name AS from, s.jurisdiction AS jurisdiction, t.name AS to, labels(t) AS labels,
                       c.id AS category, c.origin AS origin, f.accessMethod AS access, f.purpose AS purpose,
                       vendor.name AS vendor, src.licence AS licence, e.quote AS quote, publisher.name AS publisher
                """);
        assertThat(flow.get("from").asString()).isEqualTo("Sylvania OH PD");
        assertThat(flow.get("jurisdiction").asString()).isEqualTo("LOCAL");
        assertThat(flow.get("to").asString()).isEqualTo("Adrian MI PD");
        assertThat(flow.get("labels").asList()).contains("Agency");
        assertThat(flow.get("category").asString()).isEqualTo("flock-reads-2459");
        assertThat(flow.get("origin").asString()).isEqualTo("flock-agency-2459");
        assertThat(flow.get("access").asString()).isEqualTo("SHARED_NETWORK");
        assertThat(flow.get("vendor").asString()).isEqualTo("Flock Safety");
        assertThat(flow.get("licence").asString()).isEqualTo("MIT");
        assertThat(flow.get("publisher").asString()).isEqualTo("The News & Observer");
        assertThat(flow.get("quote").asString()).contains("agency_access20240426.csv, line 2");

        graphQl.document("{ trace(from: \"flock-agency-2459\") { reached { organization { id } } } }")
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrder("flock-agency-14", "flock-agency-48"));
        assertThat(progress.toString()).contains("agency_access20240426.csv: 2/2 flows (100%)");

        var policy = one("""
                MATCH (o:Organization)-[:PUBLISHES]->(p:Policy)-[e:EVIDENCED_BY]->(:Source {id: 'flock-sharing-2024'})
                RETURN o.name AS agency, p.id AS id, p.prohibitedUses AS uses, p.effective AS effective, e.quote AS quote
                """);
        assertThat(policy.get("agency").asString()).isEqualTo("Atherton CA PD");
        assertThat(policy.get("id").asString()).isEqualTo("flock-policy-96-2023-07-27t12-04-07z");
        assertThat(policy.get("uses").asList()).contains("Immigration enforcement", "traffic enforcement");
        assertThat(policy.get("effective").asString()).isEqualTo("2023-07-27");
        assertThat(policy.get("quote").asString()).startsWith("agency_policies.csv, line 2: prohibited uses:");
    }

    @Test
    void importing_the_same_files_again_changes_nothing() {
        run("flock-sharing", FLOCK, false);
        var before = TestSupport.factFingerprint(driver);
        long audited = TestSupport.auditEntries(driver);
        var again = run("flock-sharing", FLOCK, false);
        assertThat(again.nodesCreated()).isZero();
        // Only the second run's audit entries are new (one per batch: the run is on record, though it changed nothing).
        assertThat(TestSupport.auditEntries(driver)).isGreaterThan(audited);
        assertThat(again.relationshipsCreated()).isZero();
        assertThat(TestSupport.factFingerprint(driver)).isEqualTo(before);
    }

    @Test
    void an_import_links_lineage_across_its_batches_and_leaves_nothing_to_mend() throws IOException {
        var mapping = write("chain.yaml", Files.readString(Path.of("src/test/resources/import/test-mapping.yaml")));
        // One row per batch: the flow into imp-b and the flow out of it are written in different batches.
        write("flows.csv", """
                id,from,to,purpose,since
                imp-chain-1,imp-a,imp-b,COMMERCIAL,2020
                imp-chain-2,imp-b,imp-c,LAW_ENFORCEMENT,2021
                """);
        var summary = run(mapping.toString(), work, false);
        assertThat(summary.failed()).as(String.join("\n", summary.lines())).isFalse();

        assertThat(
                        one("MATCH (:DataFlow {id: 'imp-chain-1'})-[l:FEEDS]->(:DataFlow {id: 'imp-chain-2'}) RETURN count(l) AS n")
                                .get("n")
                                .asLong())
                .isEqualTo(1);
        var check = one(Lineage.check());
        assertThat(List.of(
                        check.get("extra").asLong(),
                        check.get("missing").asLong(),
                        check.get("misdated").asLong()))
                .containsExactly(0L, 0L, 0L);
        assertThat(one(Lineage.isBuilt()).get("built").asBoolean()).isTrue();
        assertThat(progress.toString()).contains("lineage links made at 3 organizations");
        graphQl.document("{ trace(from: \"imp-a\") { reached { organization { id } hops } } }")
                .execute()
                .path("trace.reached[*].organization.id")
                .entityList(String.class)
                .containsExactly("imp-b", "imp-c");
    }

    @Test
    void transparency_rows_become_dated_legal_process_flows_and_twitter_is_the_seeds_x() {
        var summary = run("transparency-reports", TRANSPARENCY, false);
        assertThat(summary.failed()).as(String.join("\n", summary.lines())).isFalse();
        assertThat(summary.skipped()).containsEntry("Twitter reports no requests from this country in the period", 1L);
        var austria = one("""
                MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: 'twitter-to-government-of-austria-2012-01-to-2012-06'})-[:TO]->(t)
                RETURN s.id AS from, t.name AS to, t.jurisdiction AS jurisdiction, f.since AS since, f.until AS until,
                       f.requests AS requests, f.accessMethod AS access
                """);
        assertThat(austria.get("from").asString()).isEqualTo("x");
        assertThat(austria.get("to").asString()).isEqualTo("Government of Austria");
        assertThat(austria.get("jurisdiction").asString()).isEqualTo("FEDERAL");
        assertThat(austria.get("since").asString()).isEqualTo("2012-01");
        assertThat(austria.get("until").asString()).isEqualTo("2012-06");
        assertThat(austria.get("requests").asDouble()).isEqualTo(5.5);
        assertThat(austria.get("access").asString()).isEqualTo("LEGAL_PROCESS");
        var argentina = one("""
                MATCH (:Organization {id: 'x'})-[:SENDS]->(f:DataFlow {id: 'twitter-to-government-of-argentina-2017-01-to-2017-06'})
                      -[:TO]->(t), (f)-[:EVIDENCED_BY]->(src:Source)
                RETURN f.requests AS requests, f.disclosurePercent AS percent, t.country AS country, src.id AS source
                """);
        assertThat(argentina.get("requests").asLong()).isEqualTo(57);
        assertThat(argentina.get("percent").asLong()).isEqualTo(12);
        assertThat(argentina.get("country").asString()).isEqualTo("AR");
        assertThat(argentina.get("source").asString()).isEqualTo("twitter-transparency-2017h1");
        assertThat(one("MATCH (g:Organization {id: 'google'}) RETURN labels(g) AS labels")
                        .get("labels")
                        .asList())
                .contains("Platform");
    }

    @Test
    void a_dry_run_checks_every_row_and_writes_nothing() {
        var before = TestSupport.fingerprint(driver);
        var summary = run("transparency-reports", TRANSPARENCY, true);
        assertThat(summary.dryRun()).isTrue();
        assertThat(summary.flows()).isEqualTo(6);
        assertThat(summary.lines().getFirst())
                .startsWith("Dry run of 'transparency-reports'")
                .contains("nothing written");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void bad_rows_are_reported_with_file_line_and_column_and_nothing_is_written() throws IOException {
        var mapping = write("bad.yaml", Files.readString(Path.of("src/test/resources/import/test-mapping.yaml")));
        write("flows.csv", """
                id,from,to,purpose,since
                ok-1,imp-a,imp-b,COMMERCIAL,2020
                bad-enum,imp-a,imp-b,SPYING,2020
                bad-date,imp-a,imp-b,COMMERCIAL,2023-13
                ok-1,imp-a,imp-c,COMMERCIAL,2020
                ragged,imp-a
                bad id!,imp-a,imp-b,COMMERCIAL,2020
                """);
        var before = TestSupport.fingerprint(driver);
        var summary = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(summary.failed()).isTrue();
        assertThat(summary.errors())
                .extracting(RowError::toString)
                .containsExactly(
                        "flows.csv:3: column 'purpose': 'SPYING' is not one of [COMMERCIAL, LAW_ENFORCEMENT, NATIONAL_SECURITY,"
                                + " PUBLIC_SAFETY, RESEARCH, JOURNALISM, ADVERTISING, OTHER]",
                        "flows.csv:4: column 'since': '2023-13' is not a calendar date (Invalid value for MonthOfYear (valid"
                                + " values 1 - 12): 13): write YYYY, YYYY-MM or YYYY-MM-DD with a month from 01 to 12 and a"
                                + " day that month has.",
                        "flows.csv:5: column 'id': flow 'ok-1' is already made by flows.csv line 2 with different data"
                                + " (to: 'imp-b' vs 'imp-c')",
                        "flows.csv:6: column '(row)': has 2 values but the header has 5 columns; check for a missing or"
                                + " extra comma or an unclosed quote",
                        "flows.csv:7: column 'id': id 'bad id!' is not a valid id: use lower-case letters and digits in"
                                + " words joined by single hyphens (e.g. us-secret-service), at most 120 characters.");
        assertThat(summary.lines().getLast()).contains("run the same command again");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_missing_column_or_unknown_organization_is_reported_before_anything_is_written() throws IOException {
        var mapping = write("bad.yaml", Files.readString(Path.of("src/test/resources/import/test-mapping.yaml")));
        write("flows.csv", "id,from,to,since\nok-1,imp-a,imp-b,2020\n");
        var before = TestSupport.fingerprint(driver);
        var missingColumn = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(missingColumn.errors())
                .extracting(RowError::toString)
                .singleElement()
                .asString()
                .startsWith("flows.csv:1: column 'purpose': the mapping reads this column but the header has only");

        write("flows.csv", "id,from,to,purpose,since\nok-1,imp-a,nobody-here,COMMERCIAL,2020\n");
        var unknown = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(unknown.errors())
                .extracting(RowError::toString)
                .containsExactly("flows.csv:2: column 'to': no organization 'nobody-here': it is neither made by this"
                        + " import nor in the database");
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);
    }

    @Test
    void a_file_that_is_not_utf8_is_refused() throws IOException {
        var mapping = write("bad.yaml", Files.readString(Path.of("src/test/resources/import/test-mapping.yaml")));
        Files.write(
                work.resolve("flows.csv"),
                "id,from,to,purpose,since\nok-1,imp-a,caf\u00e9,COMMERCIAL,2020\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
        var summary = importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress));
        assertThat(summary.errors()).extracting(RowError::toString).anyMatch(e -> e.contains("is not UTF-8 text"));
    }

    @Test
    void a_mapping_mistake_names_the_key_and_what_is_allowed() throws IOException {
        var mapping = write(
                "typo.yaml",
                Files.readString(Path.of("src/test/resources/import/test-mapping.yaml"))
                        .replace("accessMethod:", "acessMethod:"));
        assertThatThrownBy(
                        () -> importer.run(mapping.toString(), List.of(work), false, 1_000, new PrintWriter(progress)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("unknown key 'acessMethod'")
                .hasMessageContaining("accessMethod");
        assertThatThrownBy(
                        () -> importer.run("no-such-mapping", List.of(work), false, 1_000, new PrintWriter(progress)))
                .isInstanceOf(MappingException.class)
                .hasMessageContaining("flock-sharing, transparency-reports");
    }

    @Test
    @WithMockUser(username = "test-editor", roles = "EDITOR")
    void graphql_import_flows_shares_the_mapping_checks_and_writer() throws IOException {
        var agencies = Files.readString(FLOCK.resolve("agency20240426.csv"));
        var access = Files.readString(FLOCK.resolve("agency_access20240426.csv"));
        var mutation = """
                mutation($file: String!, $csv: String!, $dryRun: Boolean) {
                  importFlows(mapping: "flock-sharing", file: $file, csv: $csv, dryRun: $dryRun) {
                    mapping dryRun rowsRead flows nodesCreated errors { file line column reason }
                  }
                }
                """;
        graphQl.document(mutation)
                .variables(Map.of("file", "agency20240426.csv", "csv", agencies, "dryRun", false))
                .execute()
                .path("importFlows.rowsRead")
                .entity(Integer.class)
                .isEqualTo(8);
        var imported = graphQl.document(mutation)
                .variables(Map.of("file", "agency_access20240426.csv", "csv", access, "dryRun", false))
                .execute();
        imported.path("importFlows.flows").entity(Integer.class).isEqualTo(2);
        imported.path("importFlows.errors").entityList(Object.class).hasSize(0);
        assertThat(one("MATCH (f:DataFlow {id: 'flock-2459-to-48'}) RETURN count(f) AS n")
                        .get("n")
                        .asInt())
                .isEqualTo(1);

        var before = TestSupport.fingerprint(driver);
        var rejected = graphQl.document(mutation)
                .variables(Map.of(
                        "file",
                        "agency_access20240426.csv",
                        "csv",
                        access + "Nowhere PD,Sylvania OH PD,99999,2459\n",
                        "dryRun",
                        false))
                .execute();
        rejected.path("importFlows.errors[0].line").entity(Integer.class).isEqualTo(4);
        rejected.path("importFlows.errors[0].column").entity(String.class).isEqualTo("src_agency_id");
        rejected.path("importFlows.errors[0].reason")
                .entity(String.class)
                .satisfies(reason -> assertThat(reason).contains("no organization 'flock-agency-99999'"));
        assertThat(TestSupport.fingerprint(driver)).isEqualTo(before);

        graphQl.document("""
                        mutation { importFlows(mapping: "../../etc/passwd", file: "x.csv", csv: "a,b") { flows } }
                        """)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(
                                error -> assertThat(error.getMessage()).contains("not the name of a shipped mapping")));
    }

    private ImportSummary run(String mapping, Path path, boolean dryRun) {
        return importer.run(mapping, List.of(path), dryRun, 1, new PrintWriter(progress));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    private Record one(String query) {
        var records =
                driver.executableQuery(query).withParameters(Map.of()).execute().records();
        assertThat(records).as(query).hasSize(1);
        return records.getFirst();
    }
}
