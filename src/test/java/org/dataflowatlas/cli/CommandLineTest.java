package org.dataflowatlas.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.neo4j.EmbeddedNeo4j;
import org.dataflowatlas.neo4j.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

/**
 * The command line as a user runs it, in this JVM. The first test runs a command on an embedded
 * database in a data directory of its own; the others, as {@code NEO4J_URI=bolt://… dataflow-atlas …},
 * on one Neo4j server this class starts and empties before each test, so a command costs its own work
 * and not a new database's.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineTest {

    private static EmbeddedNeo4j server;
    private static Driver driver;

    @TempDir
    Path work;

    @BeforeAll
    static void startTheServer() {
        server = EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(
                Path.of("unused"), "localhost", 0, 0, true, "32m", Duration.ofSeconds(60), "1g"));
        driver = GraphDatabase.driver(
                server.boltUri(),
                AuthTokens.none(),
                Config.builder().withoutEncryption().build());
    }

    @AfterAll
    static void stopTheServer() {
        driver.close();
        server.close();
    }

    /** Everything but the server's bookkeeping (schema migrations, the lineage mark) goes. */
    @BeforeEach
    void emptyTheServer() {
        driver.executableQuery("MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__') DETACH DELETE n")
                .execute();
    }

    @Test
    @Order(1)
    void loads_files_in_order_into_an_embedded_database_and_prints_the_counters() throws IOException {
        var first =
                write("first.cypher", "MERGE (s:Source {id: 'cli-source'}) SET s.title = 'CLI', s.kind = 'DATASET';");
        var second = write("second.cypher", "MATCH (s:Source {id: 'cli-source'}) SET s.url = 'https://example.org';");

        var run = runEmbedded("load", first.toString(), second.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("first.cypher: 1 statements, 1 nodes created")
                .contains("second.cypher: 1 statements");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void a_bad_statement_fails_with_file_and_line_and_stops() throws IOException {
        var bad = write("bad.cypher", "MERGE (s:Source {id: 'half'});\n\nRETURN 1 +;\n");
        var never = write("never.cypher", "RETURN 1;");

        var run = run("load", bad.toString(), never.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains(bad + ":3: ").contains("rolled back").contains("Not run: [" + never + "]");
    }

    @Test
    void a_missing_file_is_reported_before_anything_starts() {
        var run = run("load", work.resolve("missing.cypher").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("missing.cypher is not a readable file");
    }

    @Test
    void imports_a_dataset_with_a_shipped_mapping_and_reports_rate_and_counts() {
        var run = run("import", "--mapping", "flock-sharing", "src/test/resources/import/flock-slice");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Imported 'flock-sharing': 12 rows read, 10 organizations and 2 flows written")
                .contains("rows/s")
                .contains("relationships created");
        assertThat(run.err()).contains("agency_access20240426.csv: 2/2 flows (100%)");
    }

    @Test
    void a_dry_run_of_reported_events_checks_a_slice_and_says_how_each_actor_was_read() throws IOException {
        var lines = Files.readAllLines(Path.of("datasets/surveillance-events/events.jsonl")).stream()
                .filter(line -> line.contains("\"Dataminr\""))
                .limit(2)
                .toList();
        assertThat(lines).hasSize(2);
        var slice = Files.createDirectories(work.resolve("events"));
        Files.write(slice.resolve("events.jsonl"), lines);
        // The mapping's alias table names the seed's organizations (x, dataminr, …): a seeded database.
        var seed = run("load", "cypher/seed/001-x-dataminr-secret-service.cypher");
        assertThat(seed.exitCode()).as(seed.err()).isZero();
        var run = run("import", "--format", "events", "--dry-run", slice.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Dry run of events")
                .contains("2 records read, valid (nothing written)")
                .contains("2 events")
                .contains("'Dataminr' → Organization 'dataminr'");
    }

    @Test
    void an_import_of_a_file_the_mapping_does_not_know_fails_with_what_it_reads() {
        var run = run("import", "--mapping", "flock-sharing", "README.md");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("README.md is not one of the files mapping 'flock-sharing' reads");
    }

    @Test
    void generates_a_synthetic_graph_then_exports_it() throws IOException {
        var generated = run("generate", "--organizations", "60", "--flows", "300", "--seed", "7");
        assertThat(generated.exitCode()).as(generated.err()).isZero();
        assertThat(generated.out()).contains("Generated 60 organizations and 300 flows (seed 7)");
        var file = work.resolve("synthetic.cypher");
        var exported = run("export", "--format", "cypher", file.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        var counts = Pattern.compile("Exported (\\d+) nodes and (\\d+) relationships to ")
                .matcher(exported.out());
        assertThat(counts.find()).as(exported.out()).isTrue();
        // 60 organizations and 300 flows, plus their categories and the synthetic source.
        assertThat(Integer.parseInt(counts.group(1))).isGreaterThan(360);
        // Each flow is sent, received, carries a category and cites its source.
        assertThat(Integer.parseInt(counts.group(2))).isGreaterThanOrEqualTo(4 * 300);
        assertThat(Files.readString(file)).contains("MERGE (n:Organization {id: row.id})", "syn-flow-");
    }

    @Test
    void imports_an_ftm_file_then_exports_it_as_ftm_and_prov() throws IOException {
        var entities = write("extract.ftm.json", """
                {"id": "org.acme", "schema": "Company", "properties": {"name": ["Acme Data"]}}
                {"id": "person.jo", "schema": "Person", "properties": {"name": ["Jo Example"]}}
                {"id": "dir-1", "schema": "Directorship", "properties": {"director": ["person.jo"], "organization": ["org.acme"], "role": ["Chief Executive Officer"]}}
                """);
        var imported = run("import", "--format", "ftm", entities.toString());
        assertThat(imported.exitCode()).as(imported.err()).isZero();
        assertThat(imported.out())
                .contains("Imported FtM file", "3 entities read", "1 organizations", "1 people", "1 roles")
                .contains("every fact cites the source ftm-file-extract-ftm-");

        var ftm = work.resolve("atlas.ftm.json");
        var exported = run("export", "--format", "ftm", ftm.toString());
        assertThat(exported.exitCode()).as(exported.err()).isZero();
        assertThat(exported.out()).contains("(ftm: 6 entities)");
        assertThat(Files.readString(ftm))
                .contains("{\"id\":\"directorship.jo.acme.chief-executive-officer\",\"schema\":\"Directorship\"");
        var prov = work.resolve("atlas.prov.json");
        var provRun = run("export", "--format", "prov-json", prov.toString());
        assertThat(provRun.exitCode()).as(provRun.err()).isZero();
        assertThat(Files.readString(prov)).contains("\"prov:delegate\" : \"atlas:person-jo\"");

        assertThat(run("import", "--format", "ftm", "--mapping", "flock-sharing", entities.toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(run("export", "--format", "rdf", ftm.toString()).err())
                .contains("--format must be cypher, json, graphml, ftm or prov-json");
    }

    @Test
    void every_command_explains_itself() {
        var run = run("load", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: dataflow-atlas load", "FILE", "one transaction", "Examples:");
        assertThat(run("--help").out()).contains("serve", "load", "import", "export", "generate");
        assertThat(run("export", "--help").out()).contains("--format", "--scope", "trace-from");
        assertThat(run("generate", "--help").out()).contains("--organizations", "--flows", "--seed");
        assertThat(run("import", "--help").out()).contains("--mapping", "--format", "ftm", "--dry-run", "Examples:");
    }

    @Test
    void key_prints_a_new_key_once_and_only_its_digest_for_the_configuration() {
        var run = run("key", "--name", "alice", "--role", "editor");
        assertThat(run.exitCode()).as(run.err()).isZero();
        var key = run.out()
                .lines()
                .map(String::strip)
                .filter(line -> line.startsWith("dfa_"))
                .findFirst()
                .orElseThrow();
        assertThat(run.out())
                .contains("dataflow.security.keys.alice.role=editor")
                .contains("dataflow.security.keys.alice.sha256=" + org.dataflowatlas.security.ApiKeys.sha256(key))
                .contains("DATAFLOW_SECURITY_KEYS_ALICE_SHA256=");
        assertThat(run("key", "--name", "Alice Smith").exitCode()).isEqualTo(2);
        assertThat(run("key", "--name", "bob", "--role", "admin").exitCode()).isEqualTo(2);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(work.resolve(name), content);
    }

    /** The command against this class's server, as with NEO4J_URI set. */
    private CommandRun run(String... args) {
        return execute(args, "--NEO4J_URI=" + server.boltUri(), "--dataflow.seed.enabled=false");
    }

    /** The command with its own embedded database in {@code work/data}. */
    private CommandRun runEmbedded(String... args) {
        return execute(
                args,
                "--dataflow.embedded.data-directory=" + work.resolve("data"),
                "--dataflow.embedded.bolt-port=0",
                "--dataflow.embedded.http-port=0",
                "--dataflow.seed.enabled=false");
    }

    private CommandRun execute(String[] args, String... database) {
        if (args[args.length - 1].equals("--help") || args[0].equals("key")) {
            return CommandRun.of(args);
        }
        var withDatabase = new ArrayList<>(List.of(args));
        withDatabase.addAll(List.of(database));
        return CommandRun.of(withDatabase.toArray(String[]::new));
    }
}
