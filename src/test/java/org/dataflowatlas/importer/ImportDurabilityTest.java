package org.dataflowatlas.importer;

import static java.util.concurrent.TimeUnit.MINUTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.TestSupport;
import org.dataflowatlas.cli.CommandRun;
import org.dataflowatlas.neo4j.EmbeddedNeo4j;
import org.dataflowatlas.neo4j.EmbeddedNeo4jProperties;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * The import as a user runs it: killed with SIGKILL while it writes flows (in a child JVM of its
 * own), it leaves only whole, committed batches; running the same command again completes the graph
 * to exactly what an uninterrupted import into another directory writes. A completed database reads
 * back the same after a restart. The re-run and the uninterrupted import run the command line in this
 * JVM (each with a Spring context and database of its own, as a user's second run has), and the
 * databases are inspected by starting {@link EmbeddedNeo4j} on their directories once the command
 * that wrote them has exited.
 *
 * <p>Uses a slice of the Flock dataset so the class runs in reasonable time: the first {@value
 * #FLOW_ROWS} rows of agency_access20240426.csv, the agencies those rows name and their policies.
 * The seed is off so every DataFlow and DataCategory comes from the import. The uninterrupted import
 * runs while the first test kills its own, so the killing test goes first.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
@DisabledOnOs(value = OS.WINDOWS, disabledReason = "Process.destroyForcibly is SIGKILL only on Unix")
@Timeout(value = 20, unit = MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(1) // first among the classes with a database of their own: see junit-platform.properties
class ImportDurabilityTest {

    private static final int FLOW_ROWS = 900;
    private static final int BATCH_SIZE = 100;
    private static final int KILL_AFTER_BATCHES = 3;
    private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(8);
    private static final Path FLOCK = Path.of("datasets/flock-sharing");
    private static final String FLOWS_FILE = "agency_access20240426.csv";
    private static final String AGENCIES_FILE = "agency20240426.csv";
    private static final String POLICIES_FILE = "agency_policies.csv";
    private static final Pattern FLOW_PROGRESS =
            Pattern.compile("^\\s+" + Pattern.quote(FLOWS_FILE) + ": ([\\d,]+)/([\\d,]+) flows ");
    /** Recorded once per import batch by a planned change: differs between runs by design. */
    private static final String AUDIT_LABEL = "AuditEntry";

    private static final long STARTED = System.nanoTime();

    @TempDir
    static Path work;

    private static Path dataset;
    /** Flow ids in the order the import writes them: the slice's rows, top to bottom. */
    private static List<String> flowIds;

    private static Set<String> categoryIds;

    /** The uninterrupted import, running alongside the first test's child to save wall-clock time. */
    private static CompletableFuture<CommandRun> referenceImport;

    private static Path referenceData;
    private static @Nullable Snapshot referenceSnapshot;

    /** Children of the running test. */
    private final List<Child> children = new ArrayList<>();

    @BeforeAll
    static void slice_the_dataset_and_start_an_uninterrupted_import() throws IOException {
        dataset = Files.createDirectories(work.resolve("flock-slice"));
        var agencyIds = new HashSet<String>();
        flowIds = new ArrayList<>();
        categoryIds = new LinkedHashSet<>();
        copyCsv(FLOWS_FILE, record -> {
            if (flowIds.size() == FLOW_ROWS) {
                return false;
            }
            agencyIds.add(record.get("src_agency_id"));
            agencyIds.add(record.get("external_agency_id"));
            flowIds.add("flock-" + record.get("src_agency_id") + "-to-" + record.get("external_agency_id"));
            categoryIds.add("flock-reads-" + record.get("src_agency_id"));
            return true;
        });
        var agencyNames = new HashSet<String>();
        copyCsv(AGENCIES_FILE, record -> {
            if (!agencyIds.contains(record.get("id"))) {
                return false;
            }
            agencyNames.add(record.get("name").toLowerCase(Locale.ROOT));
            return true;
        });
        // The policies of those agencies (the others would only be skipped, in every run alike).
        copyCsv(
                POLICIES_FILE,
                record -> agencyNames.contains(record.get("agency").toLowerCase(Locale.ROOT)));
        assertThat(flowIds).hasSize(FLOW_ROWS).doesNotHaveDuplicates();

        referenceData = work.resolve("reference/data");
        referenceImport = CompletableFuture.supplyAsync(() -> importInThisJvm("reference", referenceData));
    }

    @AfterEach
    void destroy_children() {
        destroy(children);
    }

    @AfterAll
    static void await_the_reference_import() {
        if (referenceImport != null) {
            referenceImport.join();
        }
    }

    /** The uninterrupted import's graph as first read back after it finished (waits for it once). */
    private static synchronized Snapshot reference() throws Exception {
        if (referenceSnapshot == null) {
            var run = referenceImport.get(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(run.exitCode())
                    .as("the uninterrupted reference import exits 0\n%s", run)
                    .isZero();
            assertThat(run.out())
                    .as("reference import summary\n%s", run)
                    .contains("Imported 'flock-sharing'")
                    .contains(FLOW_ROWS + " flows written");
            referenceSnapshot = open(referenceData, ImportDurabilityTest::snapshot);
            assertThat(referenceSnapshot.counts())
                    .as("the reference import wrote every flow and category of the slice")
                    .containsEntry("DataFlow", (long) FLOW_ROWS)
                    .containsEntry("DataCategory", (long) categoryIds.size())
                    .containsKeys("Organization", "Source", "Product", "Policy");
        }
        return referenceSnapshot;
    }

    @Test
    @Order(1)
    void an_import_killed_while_writing_keeps_whole_batches_and_a_rerun_completes_it_like_an_uninterrupted_one()
            throws Exception {
        var data = work.resolve("killed/data");
        var killed = startImport("killed", data, children);
        var seen = killed.awaitFlowBatches(KILL_AFTER_BATCHES);
        int reported = seen.flows();
        // Half-way into the next batch: the kill should hit an open transaction, not a gap between two.
        Thread.sleep(seen.lastBatch().dividedBy(2));
        killed.process().destroyForcibly();
        killed.awaitExit();
        // 128 + 9: the JVM did not shut down, it was killed.
        assertThat(killed.exitCode())
                .as("the first import was killed by SIGKILL\n%s", killed.tail())
                .isEqualTo(137);

        var context = "after the kill (last progress line: " + reported + " flows)\n" + killed.tail();
        var afterKill = open(data, driver -> {
            long flows = count(driver, "MATCH (f:DataFlow) RETURN count(f)");
            assertThat(flows)
                    .as("the kill landed mid-way through the flows, " + context)
                    .isGreaterThan(0)
                    .isLessThan(FLOW_ROWS);
            assertThat(flows)
                    .as("every batch reported committed survived the kill, " + context)
                    .isGreaterThanOrEqualTo(reported);
            assertThat(flows % BATCH_SIZE)
                    .as("only whole batches of %d are visible (%d flows), %s", BATCH_SIZE, flows, context)
                    .isZero();
            var ids = rows(driver, "MATCH (f:DataFlow) RETURN f.id AS id").stream()
                    .map(record -> record.get("id").asString())
                    .toList();
            assertThat(ids)
                    .as("the flows in the database are exactly the first %d rows, %s", flows, context)
                    .containsExactlyInAnyOrderElementsOf(flowIds.subList(0, (int) flows));
            assertThat(rows(driver, """
                            MATCH (f:DataFlow)
                            WHERE COUNT { (:Organization)-[:SENDS]->(f) } <> 1
                               OR COUNT { (f)-[:TO]->(:Organization) } <> 1
                               OR COUNT { (f)-[:EVIDENCED_BY]->(:Source {id: 'flock-sharing-2024'}) } <> 1
                               OR COUNT { (f)-[:CARRIES]->(:DataCategory) } <> 1
                               OR COUNT { (f)-[:VIA]->(:Product {id: 'flock-lpr-network'}) } <> 1
                               OR f.purpose IS NULL OR f.confidence IS NULL
                            RETURN f.id AS id LIMIT 10
                            """))
                    .as("flows missing an end, their source, category, product or properties, " + context)
                    .isEmpty();
            assertThat(rows(driver, """
                            MATCH (f:DataFlow)<-[:SENDS]-(s:Organization), (f)-[:TO]->(t:Organization)
                            WHERE f.id <> 'flock-' + substring(s.id, 13) + '-to-' + substring(t.id, 13)
                            RETURN f.id AS id LIMIT 10
                            """))
                    .as("flows linked to the wrong agencies, " + context)
                    .isEmpty();
            assertThat(rows(driver, """
                            MATCH (c:DataCategory) WHERE NOT EXISTS { (:DataFlow)-[:CARRIES]->(c) }
                            RETURN c.id AS id LIMIT 10
                            """))
                    .as("categories written without the flows of their batch, " + context)
                    .isEmpty();
            note(
                    "killed after the progress line for %d flows; %d flows in the database after recovery",
                    reported, flows);
            return domainCounts(driver);
        });

        // Organizations, sources, products and policies are all written before the first flow batch.
        for (var label : List.of("Organization", "Source", "Product", "Policy")) {
            assertThat(afterKill.get(label))
                    .as("%s nodes, written before the flows, %s", label, context)
                    .isEqualTo(reference().counts().get(label));
        }
        var rerun = importInThisJvm("rerun", data);
        assertThat(rerun.exitCode())
                .as("the same import run again completes\n%s", rerun)
                .isZero();
        assertThat(rerun.out())
                .as("re-run summary\n%s", rerun)
                .contains("Imported 'flock-sharing'")
                .contains(FLOW_ROWS + " flows written");

        var resumed = open(data, ImportDurabilityTest::snapshot);
        assertThat(resumed.counts())
                .as("node counts by label and relationship counts by type: killed then re-run vs uninterrupted")
                .isEqualTo(reference().counts());
        assertThat(resumed.domain())
                .as("every node and relationship with its properties: killed then re-run vs uninterrupted")
                .isEqualTo(reference().domain());
        note("after the re-run, as after the uninterrupted import: %s", resumed.counts());
    }

    @Test
    @Order(2)
    void a_completed_import_reads_back_identically_after_a_restart() throws Exception {
        // The first start on the directory the import (a command that exited normally) left behind...
        var first = reference();
        // ... stopped, and started again.
        var second = open(referenceData, ImportDurabilityTest::snapshot);

        @SuppressWarnings("unchecked")
        var nodes = (Map<String, Object>) first.all().get(0);
        @SuppressWarnings("unchecked")
        var relationships = (Map<String, Object>) first.all().get(1);
        assertThat((Long) nodes.get("nodes")).as("nodes in the imported graph").isGreaterThan(FLOW_ROWS);
        assertThat((Long) relationships.get("relationships"))
                .as("relationships in the imported graph (each flow has five)")
                .isGreaterThanOrEqualTo(5L * FLOW_ROWS);
        assertThat(second.all())
                .as("fingerprint of everything after a stop and start on the same directory")
                .isEqualTo(first.all());
        assertThat(second.domain()).isEqualTo(first.domain());
        assertThat(second.counts()).isEqualTo(first.counts());
    }

    // --- the imports ---------------------------------------------------------------------------

    /** The import command, run in this JVM as {@code Main} runs it, on a data directory of its own. */
    private static CommandRun importInThisJvm(String name, Path data) {
        note("%s import started in this JVM", name);
        var run = CommandRun.of(
                "import",
                "--mapping",
                "flock-sharing",
                "--batch-size",
                Integer.toString(BATCH_SIZE),
                dataset.toString(),
                "--dataflow.embedded.data-directory=" + data,
                "--dataflow.embedded.bolt-port=0",
                "--dataflow.embedded.http-port=0",
                "--dataflow.embedded.page-cache=32m",
                "--dataflow.seed.enabled=false");
        note("%s import exited with %d", name, run.exitCode());
        return run;
    }

    private static Child startImport(String name, Path data, List<Child> started) throws IOException {
        var java = ProcessHandle.current()
                .info()
                .command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        var command = new ArrayList<>(List.of(
                java,
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx768m",
                "--enable-native-access=ALL-UNNAMED",
                // Progress figures with a comma grouping, whatever the machine's locale.
                "-Duser.language=en",
                "-Duser.country=US",
                "-cp",
                System.getProperty("java.class.path"),
                "org.dataflowatlas.cli.Main",
                "import",
                "--mapping",
                "flock-sharing",
                "--batch-size",
                Integer.toString(BATCH_SIZE),
                dataset.toString()));
        var directory = Files.createDirectories(data.getParent());
        var builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(directory.resolve(name + "-stdout.txt").toFile());
        var environment = builder.environment();
        environment.keySet().removeIf(key -> key.startsWith("NEO4J_") || key.startsWith("DATAFLOW_"));
        environment.put("DATAFLOW_DATA_DIR", data.toString());
        environment.put("DATAFLOW_BOLT_PORT", "0");
        environment.put("DATAFLOW_HTTP_PORT", "0");
        environment.put("DATAFLOW_PAGE_CACHE", "32m");
        environment.put("DATAFLOW_SEED", "false");
        note("%s import started", name);
        var child = new Child(name, builder.start(), directory.resolve(name + "-stdout.txt"));
        started.add(child);
        return child;
    }

    /** Where the time goes, in the test's output (target/surefire-reports/*-output.txt). */
    private static void note(String format, Object... arguments) {
        System.out.printf("[%5.1f s] %s%n", (System.nanoTime() - STARTED) / 1e9, format.formatted(arguments));
    }

    private static void destroy(List<Child> started) {
        for (var child : started) {
            child.process().destroyForcibly();
            try {
                child.process().waitFor(1, MINUTES);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A flow progress line: flows written so far, read at {@code at} ({@link System#nanoTime()}). */
    private record Progress(int flows, long at) {}

    private record Batches(int flows, Duration lastBatch) {}

    /** A child JVM whose stderr is read as it comes: progress lines are handed over one by one. */
    private static final class Child {

        private static final Progress END = new Progress(-1, 0);

        private final String name;
        private final Process process;
        private final Path stdout;
        private final List<String> stderr = new ArrayList<>();
        private final BlockingQueue<Progress> progress = new LinkedBlockingQueue<>();
        private final Thread reader;

        Child(String name, Process process, Path stdout) {
            this.name = name;
            this.process = process;
            this.stdout = stdout;
            this.reader = Thread.ofPlatform().daemon().name("stderr-" + name).start(this::read);
        }

        Process process() {
            return process;
        }

        private void read() {
            try (var lines =
                    new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    synchronized (stderr) {
                        stderr.add(line);
                    }
                    var matcher = FLOW_PROGRESS.matcher(line);
                    if (matcher.find()) {
                        progress.add(
                                new Progress(Integer.parseInt(matcher.group(1).replace(",", "")), System.nanoTime()));
                    }
                }
            } catch (IOException ex) {
                // the stream closes when the process is killed
            } finally {
                progress.add(END);
            }
        }

        /**
         * Waits for the progress line of the given number (at least 2) of committed flow batches;
         * returns the flows it reports and how long the last batch took.
         */
        Batches awaitFlowBatches(int batches) throws InterruptedException {
            long deadline = System.nanoTime() + CHILD_TIMEOUT.toNanos();
            Progress previous = null;
            Progress line = null;
            for (int seen = 0; seen < batches; seen++) {
                previous = line;
                line = progress.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    fail(
                            "No progress line for flow batch %d of the %s import within %s\n%s",
                            seen + 1, name, CHILD_TIMEOUT, tail());
                }
                if (line == END) {
                    fail("The %s import ended before writing %d flow batches\n%s", name, batches, tail());
                }
            }
            note(
                    "%s import reported %d flows written, the last %d in %s",
                    name, line.flows(), BATCH_SIZE, Duration.ofNanos(line.at() - previous.at()));
            return new Batches(line.flows(), Duration.ofNanos(line.at() - previous.at()));
        }

        void awaitExit() throws InterruptedException {
            if (!process.waitFor(CHILD_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("The %s import did not finish within %s\n%s", name, CHILD_TIMEOUT, tail());
            }
            reader.join(Duration.ofSeconds(30));
            note("%s import exited with %d", name, process.exitValue());
        }

        int exitCode() {
            return process.exitValue();
        }

        String stdout() {
            try {
                return Files.readString(stdout);
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        /** What the child said last, for failure messages. */
        String tail() {
            synchronized (stderr) {
                var last = stderr.subList(Math.max(0, stderr.size() - 30), stderr.size());
                return "--- " + name + " import, last lines of stderr ---\n" + String.join("\n", last)
                        + "\n--- stdout ---\n" + stdout();
            }
        }
    }

    // --- the database, opened in this JVM -----------------------------------------------------

    /**
     * A graph read back: domain counts, the domain fingerprint (comparable across databases) and
     * {@link TestSupport#fingerprint} of everything (comparable within one directory).
     */
    private record Snapshot(Map<String, Long> counts, Map<List<Object>, Long> domain, List<Object> all) {}

    private static Snapshot snapshot(Driver driver) {
        return new Snapshot(domainCounts(driver), domainFingerprint(driver), TestSupport.fingerprint(driver));
    }

    private static EmbeddedNeo4j start(Path data) {
        return EmbeddedNeo4j.start(
                new EmbeddedNeo4jProperties(data, "localhost", 0, 0, false, "32m", Duration.ofSeconds(60), "1g"));
    }

    private static Driver driver(EmbeddedNeo4j server) {
        return GraphDatabase.driver(
                server.boltUri(),
                AuthTokens.none(),
                Config.builder().withoutEncryption().build());
    }

    private static <T> T open(Path data, Function<Driver, T> read) {
        try (var server = start(data);
                var driver = driver(server)) {
            note("opened %s in this JVM", work.relativize(data));
            return read.apply(driver);
        } finally {
            note("closed %s", work.relativize(data));
        }
    }

    private static final String DOMAIN = "none(l IN labels(%s) WHERE l STARTS WITH '__' OR l = '" + AUDIT_LABEL + "')";

    /** Nodes by label and relationships by type (and in all), leaving out bookkeeping and audit nodes. */
    private static Map<String, Long> domainCounts(Driver driver) {
        var counts = new TreeMap<String, Long>();
        for (var record : rows(
                driver,
                "MATCH (n) WHERE " + DOMAIN.formatted("n")
                        + " UNWIND labels(n) AS label RETURN label, count(*) AS n")) {
            counts.put(record.get("label").asString(), record.get("n").asLong());
        }
        long relationships = 0;
        for (var record : rows(
                driver,
                "MATCH (a)-[r]->(b) WHERE " + DOMAIN.formatted("a") + " AND " + DOMAIN.formatted("b")
                        + " RETURN type(r) AS type, count(*) AS n")) {
            counts.put(":" + record.get("type").asString(), record.get("n").asLong());
            relationships += record.get("n").asLong();
        }
        counts.put("relationships", relationships);
        return counts;
    }

    /**
     * Every node (labels, properties) and relationship (ends' ids and labels, type, properties) as a
     * multiset, labels sorted: independent of the order labels were first created in a database.
     */
    private static Map<List<Object>, Long> domainFingerprint(Driver driver) {
        var fingerprint = new HashMap<List<Object>, Long>();
        for (var record : rows(
                driver,
                "MATCH (n) WHERE " + DOMAIN.formatted("n")
                        // Instants of recording differ between the two databases by design.
                        + " RETURN labels(n) AS labels,"
                        + " n {.*, recordedAt: null, retractedAt: null, untilRecordedAt: null} AS properties")) {
            fingerprint.merge(
                    List.of(
                            sorted(record.get("labels")),
                            record.get("properties").asMap()),
                    1L,
                    Long::sum);
        }
        for (var record : rows(
                driver,
                "MATCH (a)-[r]->(b) WHERE " + DOMAIN.formatted("a") + " AND " + DOMAIN.formatted("b")
                        + " RETURN coalesce(a.id, '') AS from, labels(a) AS fromLabels, type(r) AS type,"
                        + " coalesce(b.id, '') AS to, labels(b) AS toLabels, r {.*, recordedAt: null} AS properties")) {
            fingerprint.merge(
                    List.of(
                            record.get("from").asObject(),
                            sorted(record.get("fromLabels")),
                            record.get("type").asString(),
                            record.get("to").asObject(),
                            sorted(record.get("toLabels")),
                            record.get("properties").asMap()),
                    1L,
                    Long::sum);
        }
        return fingerprint;
    }

    private static List<String> sorted(Value labels) {
        return labels.asList(Value::asString).stream().sorted().toList();
    }

    private static List<Record> rows(Driver driver, String query) {
        return driver.executableQuery(query).execute().records();
    }

    private static long count(Driver driver, String query) {
        return rows(driver, query).getFirst().get(0).asLong();
    }

    // --- the dataset slice --------------------------------------------------------------------

    /** Copies the rows of a dataset file that {@code keep} accepts (header included) into the slice. */
    private static void copyCsv(String file, Predicate<CSVRecord> keep) throws IOException {
        var format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (var reader = Files.newBufferedReader(FLOCK.resolve(file), StandardCharsets.UTF_8);
                var parser = format.parse(reader);
                var writer = Files.newBufferedWriter(dataset.resolve(file), StandardCharsets.UTF_8);
                var printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(parser.getHeaderNames());
            for (var record : parser) {
                if (keep.test(record)) {
                    printer.printRecord((Object[]) record.values());
                }
            }
        }
    }
}
