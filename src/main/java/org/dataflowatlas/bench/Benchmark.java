package org.dataflowatlas.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.importer.Importer;
import org.dataflowatlas.importer.SyntheticGraph;
import org.dataflowatlas.trace.TraceMode;
import org.dataflowatlas.trace.TraceRequest;
import org.dataflowatlas.trace.TraceService;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.summary.ProfiledPlan;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * One benchmark run against a running application context (web server on, fresh database):
 * import versus its bare statements, the synthetic graph, then traces through HTTP GraphQL versus
 * the same statement through the driver (interleaved), statements per request and PROFILE figures.
 */
public final class Benchmark {

    /** What to run. */
    public record Settings(
            long flows,
            int organizations,
            int origins,
            int warmup,
            int iterations,
            List<Integer> hops,
            int limit,
            int maxPaths,
            Path flockDirectory,
            int realWarmup,
            int realIterations,
            String command) {}

    private static final String TRACE_QUERY = """
            query t($from: ID!, $mode: TraceMode!, $hops: Int!, $limit: Int!, $maxPaths: Int!, $asKnownOn: Date,
                    $recordedAsOf: DateTime) {
              trace(from: $from, mode: $mode, maxHops: $hops, limit: $limit, maxPaths: $maxPaths, asKnownOn: $asKnownOn,
                    recordedAsOf: $recordedAsOf) {
                truncated
                reached { hops organization { id name } }
                paths { length organizations { id } flows { id purpose } }
              }
            }""";

    private static final String TRACE_WITH_EVIDENCE = """
            query t($from: ID!) {
              trace(from: $from, maxHops: 4) {
                reached { organization { id name } hops }
                paths { organizations { id name }
                        flows { id purpose categories { id } via { id } evidence { source { id title } quote } } }
              }
            }""";

    private static final String WIDE_ORGANIZATIONS = """
            query o($first: Int!) {
              organizations(first: $first) { totalCount edges { node { id
                flowsOut { id to { id flowsOut { id to { id name } } } } } } }
            }""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigurableApplicationContext context;
    private final Driver driver;
    private final StatementCounter counter;
    private final HttpClient http = HttpClient.newBuilder().build();
    private final URI endpoint;
    private final PrintWriter log;
    private final StringBuilder report = new StringBuilder();
    private ConfigurableApplicationContext bareContext;

    public Benchmark(ConfigurableApplicationContext context, PrintWriter log) {
        this.context = context;
        this.driver = context.getBean(Driver.class);
        this.counter = context.getBean(StatementCounter.class);
        this.endpoint = URI.create(
                "http://localhost:" + context.getEnvironment().getProperty("local.server.port") + "/graphql");
        this.log = log;
    }

    /** Runs everything and returns the Markdown report. */
    public String run(Settings settings, ConfigurableApplicationContext bareContext) {
        this.bareContext = bareContext;
        header(settings);
        importComparison(settings, bareContext.getBean(Driver.class));
        realGraph(settings);
        generate(settings);
        traces(settings);
        statements();
        return report.toString();
    }

    private void header(Settings settings) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        report.append("# Benchmarks\n\n")
                .append("Produced by `")
                .append(settings.command())
                .append("` on ")
                .append(LocalDate.now())
                .append(".\n\n")
                .append("| machine | |\n|---|---|\n")
                .append("| cores | ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(" |\n| memory | ")
                .append(os.getTotalMemorySize() / (1L << 30))
                .append(" GiB (JVM max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1L << 20))
                .append(" MiB) |\n| JVM | ")
                .append(System.getProperty("java.vm.name"))
                .append(' ')
                .append(Runtime.version())
                .append(" |\n| Neo4j | embedded ")
                .append(org.neo4j.kernel.internal.Version.getNeo4jVersion())
                .append(" |\n\n");
    }

    private void importComparison(Settings settings, Driver bareTarget) {
        if (!Files.isDirectory(settings.flockDirectory())) {
            report.append("## Import\n\nSkipped: ")
                    .append(settings.flockDirectory())
                    .append(" is not there.\n\n");
            return;
        }
        var importer = context.getBean(Importer.class);
        var paths = List.of(settings.flockDirectory());
        // Warm both databases and the JVM with the same writes first, so neither side pays for the other's warm-up.
        log.println("Import: warming both databases up with a small synthetic graph…");
        log.flush();
        var quiet = new PrintWriter(java.io.Writer.nullWriter());
        context.getBean(SyntheticGraph.class).generate(1_000, 10_000, 7, 5_000, quiet);
        bareContext.getBean(SyntheticGraph.class).generate(1_000, 10_000, 7, 5_000, quiet);
        for (var database : List.of(driver, bareTarget)) {
            try (var session = database.session()) {
                session.run("MATCH (n) WHERE n.id STARTS WITH 'syn-' OR n:AuditEntry"
                                + " CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS")
                        .consume();
            }
        }
        log.println("Import: bare statements into a second fresh database…");
        log.flush();
        var bare = importer.writeBare("flock-sharing", paths, bareTarget, Importer.DEFAULT_BATCH_SIZE);
        log.println("Import: the product's import path…");
        log.flush();
        long started = System.nanoTime();
        var summary = importer.run(
                "flock-sharing",
                paths,
                false,
                Importer.DEFAULT_BATCH_SIZE,
                new PrintWriter(java.io.Writer.nullWriter()));
        double product = (System.nanoTime() - started) / 1e9;
        report.append("## Import (Flock dataset, `datasets/flock-sharing`)\n\n")
                .append("| path | what it does | seconds | share of bare speed |\n|---|---|---:|---:|\n")
                .append(String.format(
                        Locale.ROOT,
                        "| product: `import --mapping flock-sharing` | read CSV, check every row, write %,d rows in batches of 5,000 with audit entries | %.1f | %.0f %% (target ≥ 80 %%) |%n",
                        bare.rows(),
                        product,
                        100 * bare.seconds() / product))
                .append(String.format(
                        Locale.ROOT,
                        "| bare: the same UNWIND … MERGE statements | write the same %,d rows, same batches and constraints, nothing else | %.1f | 100 %% |%n%n",
                        bare.rows(),
                        bare.seconds()))
                .append(String.format(
                        Locale.ROOT,
                        "Full Flock import: **%.1f s** (%,d CSV rows, %,.0f rows/s; target < 30 s).%n%n",
                        product,
                        summary.rowsRead(),
                        summary.rowsPerSecond()));
    }

    private List<String> realOrigins = List.of();

    /** The origins the real-graph section used (empty when it was skipped), for the cold section. */
    public List<String> realOrigins() {
        return realOrigins;
    }

    /** The seed and the Flock import are in; the transparency reports complete the real graph. */
    private void realGraph(Settings settings) {
        var transparency = settings.flockDirectory().resolveSibling("transparency-reports");
        if (!Files.isDirectory(settings.flockDirectory()) || !Files.isDirectory(transparency)) {
            report.append("## Real graph\n\nSkipped: ")
                    .append(settings.flockDirectory())
                    .append(" or ")
                    .append(transparency)
                    .append(" is not there.\n\n");
            return;
        }
        log.println("Real graph: importing the transparency reports…");
        log.flush();
        context.getBean(Importer.class)
                .run(
                        "transparency-reports",
                        List.of(transparency),
                        false,
                        Importer.DEFAULT_BATCH_SIZE,
                        new PrintWriter(java.io.Writer.nullWriter()));
        realOrigins = RealGraph.origins(driver);
        var real = new RealGraph(driver, endpoint, log);
        real.warm(report, realOrigins, settings.realWarmup(), settings.realIterations());
        real.times(report, realOrigins, settings.realWarmup(), settings.realIterations());
        new WriteBench(driver, context.getBean(FlowService.class), log)
                .run(report, realOrigins, realOrigins.get(1), 5, 30);
    }

    private void generate(Settings settings) {
        log.printf(
                Locale.ROOT,
                "Generating %,d organizations and %,d flows…%n",
                settings.organizations(),
                settings.flows());
        log.flush();
        var result = context.getBean(SyntheticGraph.class)
                .generate(
                        settings.organizations(),
                        settings.flows(),
                        42,
                        5_000,
                        new PrintWriter(java.io.Writer.nullWriter()));
        var size = driver.executableQuery(
                        "MATCH (n) WITH count(n) AS nodes CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships")
                .execute()
                .records()
                .getFirst();
        report.append(String.format(
                Locale.ROOT,
                "## Graph\n\n`generate --organizations %,d --flows %,d --seed 42`: written in %.1f s (%,.0f flows/s)."
                        + " Database: %,d nodes, %,d relationships (%s).%n%n",
                settings.organizations(),
                result.flows(),
                result.elapsed().toNanos() / 1e9,
                result.flows() / (result.elapsed().toNanos() / 1e9),
                size.get("nodes").asLong(),
                size.get("relationships").asLong(),
                Files.isDirectory(settings.flockDirectory())
                        ? "the synthetic graph plus the Flock import"
                        : "the synthetic graph"));
    }

    private void traces(Settings settings) {
        report.append("## Trace: GraphQL over HTTP versus the same statement through the driver\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "Origins: the %d synthetic platforms `syn-org-0`…`syn-org-%d`; `limit: %d, maxPaths: %d`."
                                + " %d warm-up rounds, then %d measured rounds; in each round every origin is asked"
                                + " both ways, alternating which goes first. GraphQL selects reached organizations"
                                + " (id, name, hops) and paths (organizations, flows with purpose).%n%n",
                        settings.origins(),
                        settings.origins() - 1,
                        settings.limit(),
                        settings.maxPaths(),
                        settings.warmup(),
                        settings.iterations()))
                .append("| mode | hops | rows (mean) | raw p50 ms | raw p99 ms | GraphQL p50 ms | GraphQL p99 ms |"
                        + " p50 ratio | p99 ratio | dbHits (PROFILE, first origin) |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var mode : List.of(TraceMode.LINEAGE, TraceMode.REACHABILITY)) {
            for (int hops : settings.hops()) {
                log.printf("Trace %s %d hops…%n", mode, hops);
                log.flush();
                var raw = new ArrayList<Long>();
                var graphql = new ArrayList<Long>();
                long rows = 0;
                for (int round = 0; round < settings.warmup() + settings.iterations(); round++) {
                    boolean measured = round >= settings.warmup();
                    for (int o = 0; o < settings.origins(); o++) {
                        var from = "syn-org-" + o;
                        var statement = downstream(from, mode, hops, settings);
                        long r;
                        long g;
                        if ((round + o) % 2 == 0) {
                            r = timeRaw(statement);
                            g = timeGraphQl(from, mode, hops, settings);
                        } else {
                            g = timeGraphQl(from, mode, hops, settings);
                            r = timeRaw(statement);
                        }
                        if (measured) {
                            raw.add(r);
                            graphql.add(g);
                            rows += lastRows;
                        }
                    }
                }
                var profile = profile(downstream("syn-org-0", mode, hops, settings));
                report.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %.2f | %,d for %,d rows |%n",
                        mode,
                        hops,
                        rows / (double) raw.size(),
                        percentile(raw, 50),
                        percentile(raw, 99),
                        percentile(graphql, 50),
                        percentile(graphql, 99),
                        percentile(graphql, 50) / percentile(raw, 50),
                        percentile(graphql, 99) / percentile(raw, 99),
                        profile[0],
                        profile[1]));
            }
        }
        times(settings);
        var empty = new ArrayList<Long>();
        for (int i = 0; i < 200; i++) {
            long started = System.nanoTime();
            post("{ __typename }", Map.of());
            if (i >= 50) {
                empty.add(System.nanoTime() - started);
            }
        }
        report.append(String.format(
                Locale.ROOT,
                "%nThe fixed cost every GraphQL figure includes, an empty request (`{ __typename }`: HTTP, security,"
                        + " parsing, validation, limits, no statement) over the same client: %.1f ms p50, %.1f ms p99.%n%n",
                percentile(empty, 50),
                percentile(empty, 99)));
    }

    /**
     * The 4-hop lineage trace (or the longest measured below it) plain, as known today and as recorded
     * now, through GraphQL: both keep every fact of the generated graph, so the figures are what the
     * filters cost.
     */
    private void times(Settings settings) {
        int hops = settings.hops().stream()
                .filter(h -> h <= 4)
                .max(Integer::compare)
                .orElse(settings.hops().getFirst());
        var variants = new AsOfVariants();
        var times = AsOfVariants.timings();
        log.printf("Trace LINEAGE %d hops, known and recorded time…%n", hops);
        log.flush();
        for (int round = 0; round < settings.warmup() + settings.iterations(); round++) {
            for (int o = 0; o < settings.origins(); o++) {
                for (int k = 0; k < AsOfVariants.NAMES.size(); k++) {
                    var name = AsOfVariants.turn(round, o, k);
                    long t = timeGraphQl("syn-org-" + o, TraceMode.LINEAGE, hops, settings, variants.filters(name));
                    if (round >= settings.warmup()) {
                        times.get(name).add(t);
                    }
                }
            }
        }
        double plain = percentile(times.get("plain"), 50);
        report.append(String.format(
                Locale.ROOT,
                "%nKnown time and recorded time, LINEAGE %d hops through GraphQL, the same origins and rounds:"
                        + " plain %.1f ms p50 (%.1f p99); `asKnownOn` (the day of the run) %.1f ms p50 (%.1f p99), %.2f×"
                        + " plain; `recordedAsOf` (now) %.1f ms p50 (%.1f p99), %.2f× plain.%n",
                hops,
                plain,
                percentile(times.get("plain"), 99),
                percentile(times.get("asKnownOn"), 50),
                percentile(times.get("asKnownOn"), 99),
                percentile(times.get("asKnownOn"), 50) / plain,
                percentile(times.get("recordedAsOf"), 50),
                percentile(times.get("recordedAsOf"), 99),
                percentile(times.get("recordedAsOf"), 50) / plain));
    }

    /** A downstream trace with no filters, as the GraphQL request asks for it. */
    private static TraceRequest downstream(String from, TraceMode mode, int hops, Settings settings) {
        return TraceRequest.from(from)
                .mode(mode)
                .maxHops(hops)
                .limit(settings.limit())
                .maxPaths(settings.maxPaths())
                .build();
    }

    private long lastRows;

    private long timeRaw(TraceRequest request) {
        long started = System.nanoTime();
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            var result = session.executeRead(tx -> TraceService.walk(
                    request, (cypher, parameters) -> tx.run(cypher, parameters).list()));
            lastRows = result.paths().size();
        }
        return System.nanoTime() - started;
    }

    private long timeGraphQl(String from, TraceMode mode, int hops, Settings settings) {
        return timeGraphQl(from, mode, hops, settings, Map.of());
    }

    private long timeGraphQl(String from, TraceMode mode, int hops, Settings settings, Map<String, Object> filters) {
        var variables = new HashMap<String, Object>(filters);
        variables.putAll(Map.of(
                "from",
                from,
                "mode",
                mode.name(),
                "hops",
                hops,
                "limit",
                settings.limit(),
                "maxPaths",
                settings.maxPaths()));
        long started = System.nanoTime();
        post(TRACE_QUERY, variables);
        return System.nanoTime() - started;
    }

    /** The db hits PROFILE reports, summed over the walk's statements, and the rows the walk kept. */
    private long[] profile(TraceRequest request) {
        var hits = new long[1];
        try (var session = driver.session()) {
            var result = session.executeRead(tx -> TraceService.walk(request, (cypher, parameters) -> {
                var run = tx.run("PROFILE " + cypher, parameters);
                var records = run.list();
                hits[0] += dbHits(run.consume().profile());
                return records;
            }));
            return new long[] {hits[0], result.paths().size()};
        }
    }

    private static long dbHits(ProfiledPlan plan) {
        long hits = plan.dbHits();
        for (var child : plan.children()) {
            hits += dbHits(child);
        }
        return hits;
    }

    private void statements() {
        counter.reset();
        post(TRACE_WITH_EVIDENCE, Map.of("from", "syn-org-0"));
        int trace = counter.statements();
        counter.reset();
        post(WIDE_ORGANIZATIONS, Map.of("first", 100));
        int wide = counter.statements();
        report.append("## Cypher statements per GraphQL request\n\n")
                .append("| request | statements |\n|---|---:|\n")
                .append(
                        "| trace of `syn-org-0` with organizations, flows, categories, product and evidence (4 hops) | ")
                .append(trace)
                .append(" |\n| 100 organizations, each with flowsOut → to → flowsOut → to | ")
                .append(wide)
                .append(" |\n\nA trace costs one statement per hop it walks, one for the nodes of the paths it keeps"
                        + " beyond the first hop, then one for the categories, products and evidence of all its"
                        + " flows; the organizations page costs the same whatever its width.\n\n");
    }

    private String post(String query, Map<String, Object> variables) {
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        JSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                throw new IllegalStateException("GraphQL request failed: " + response.body());
            }
            return response.body();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    static double percentile(List<Long> nanos, int percentile) {
        var sorted = nanos.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
