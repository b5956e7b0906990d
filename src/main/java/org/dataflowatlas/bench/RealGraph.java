package org.dataflowatlas.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.trace.Direction;
import org.dataflowatlas.trace.ExposureService;
import org.dataflowatlas.trace.TraceMode;
import org.dataflowatlas.trace.TraceRequest;
import org.dataflowatlas.trace.TraceService;
import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Value;
import tools.jackson.databind.json.JsonMapper;

/**
 * The benchmark on the real graph (seed, the full Flock sharing network, transparency reports):
 * every trace shape from 20 fixed agencies through HTTP GraphQL, the same statements through the
 * driver, and two floors for the same reached set (the simplest Cypher that returns it, and a
 * breadth-first search over an in-memory adjacency list); then the same shapes cold, in a new JVM
 * started on the same database.
 */
public final class RealGraph {

    /** A question asked of every origin. */
    record Shape(String name, Direction direction, TraceMode mode, int hops, String kind) {}

    static final List<Shape> SHAPES = List.of(
            new Shape("LINEAGE DOWNSTREAM 4", Direction.DOWNSTREAM, TraceMode.LINEAGE, 4, "trace"),
            new Shape("LINEAGE UPSTREAM 4", Direction.UPSTREAM, TraceMode.LINEAGE, 4, "trace"),
            new Shape("REACHABILITY DOWNSTREAM 2", Direction.DOWNSTREAM, TraceMode.REACHABILITY, 2, "trace"),
            new Shape("REACHABILITY DOWNSTREAM 3", Direction.DOWNSTREAM, TraceMode.REACHABILITY, 3, "trace"),
            new Shape("REACHABILITY UPSTREAM 2", Direction.UPSTREAM, TraceMode.REACHABILITY, 2, "trace"),
            new Shape("REACHABILITY UPSTREAM 3", Direction.UPSTREAM, TraceMode.REACHABILITY, 3, "trace"),
            new Shape("paths k=3 (maxHops 6)", Direction.DOWNSTREAM, TraceMode.REACHABILITY, 6, "paths"),
            new Shape("exposure (LINEAGE 4)", Direction.DOWNSTREAM, TraceMode.LINEAGE, 4, "exposure"));

    private static final int LIMIT = 5_000;
    private static final int MAX_PATHS = 5_000;

    private static final String TRACE = """
            query t($from: ID!, $direction: Direction!, $mode: TraceMode!, $hops: Int!, $limit: Int!, $maxPaths: Int!,
                    $activeOn: Date, $purposes: [Purpose!], $minConfidence: Confidence, $categories: [ID!],
                    $asKnownOn: Date, $recordedAsOf: DateTime) {
              trace(from: $from, direction: $direction, mode: $mode, maxHops: $hops, limit: $limit, maxPaths: $maxPaths,
                    activeOn: $activeOn, purposes: $purposes, minConfidence: $minConfidence, categories: $categories,
                    asKnownOn: $asKnownOn, recordedAsOf: $recordedAsOf) {
                truncated
                reached { hops organization { id name } }
                paths { length organizations { id } flows { id purpose } }
              }
            }""";

    private static final String PATHS = """
            query p($from: ID!, $to: ID!) {
              paths(from: $from, to: $to, k: 3) { length organizations { id } flows { id } }
            }""";

    private static final String EXPOSURE = """
            query e($platform: ID!) {
              exposure(platform: $platform) {
                agencies truncated
                byJurisdiction { jurisdiction agencies vendors { id } products { id } }
                byKind { kind organizations }
              }
            }""";

    private static final String CONFLICTS = "{ policyConflicts { flow { id } approval } }";

    private static final String ORIGINS = """
            MATCH (a:Agency) WHERE a.id STARTS WITH 'flock-agency-'
            WITH a, COUNT { MATCH (a)-[:SENDS]->(:DataFlow)-[:TO]->(o) RETURN DISTINCT o }
                    + COUNT { MATCH (a)<-[:TO]-(:DataFlow)<-[:SENDS]-(o) RETURN DISTINCT o } AS partners
            WHERE partners > 0
            RETURN a.id AS id, partners ORDER BY partners DESC, id
            """;

    private static final String ADJACENCY = """
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization)
            WHERE coalesce(f.retracted, false) = false
            RETURN s.id AS from, f.id AS flow, t.id AS to,
                   [(f)-[:FEEDS]->(g:DataFlow) WHERE coalesce(g.retracted, false) = false | g.id] AS feeds
            """;

    private static final String FLOOR_DOWNSTREAM_LINEAGE = """
            MATCH (:Organization {id: $from})-[:SENDS]->(:DataFlow)-[:TO]->(b:Organization) RETURN count(DISTINCT b) AS n""";

    private static final String FLOOR_UPSTREAM_LINEAGE = """
            MATCH (:Organization {id: $from})<-[:TO]-(:DataFlow)<-[:SENDS]-(b:Organization) RETURN count(DISTINCT b) AS n""";

    private static final String FLOOR_DOWNSTREAM_REACH = """
            MATCH (o:Organization {id: $from}) ((:Organization)-[:SENDS]->(:DataFlow)-[:TO]->(:Organization)){1,%d} (b)
            WHERE b <> o RETURN count(DISTINCT b) AS n""";

    private static final String FLOOR_UPSTREAM_REACH = """
            MATCH (o:Organization {id: $from}) ((:Organization)<-[:TO]-(:DataFlow)<-[:SENDS]-(:Organization)){1,%d} (b)
            WHERE b <> o RETURN count(DISTINCT b) AS n""";

    private static final String FLOOR_PATHS = """
            MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
            MATCH p = SHORTEST 3 (a) ((:Organization)-[:SENDS]->(:DataFlow)-[:TO]->(:Organization)){1,6} (b)
            RETURN count(p) AS n""";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Driver driver;
    private final URI endpoint;
    private final PrintWriter log;
    private final HttpClient http = HttpClient.newBuilder().build();

    /** Organizations by id: who they send to and receive from, and the flows in between. */
    private final Map<String, List<String[]>> out = new HashMap<>();

    private final Map<String, List<String[]>> in = new HashMap<>();
    private final Map<String, String[]> flows = new HashMap<>();
    private final Map<String, List<String>> feeds = new HashMap<>();
    private final Map<String, List<String>> fedBy = new HashMap<>();

    RealGraph(Driver driver, URI endpoint, PrintWriter log) {
        this.driver = driver;
        this.endpoint = endpoint;
        this.log = log;
    }

    /** 10 agencies with the most sharing partners and 10 more drawn with a fixed seed. */
    static List<String> origins(Driver driver) {
        var all = driver.executableQuery(ORIGINS).execute().records().stream()
                .map(record -> record.get("id").asString())
                .toList();
        var chosen = new ArrayList<>(all.subList(0, Math.min(10, all.size())));
        var rest = new ArrayList<>(all.subList(chosen.size(), all.size()));
        Collections.shuffle(rest, new Random(42));
        chosen.addAll(rest.subList(0, Math.min(10, rest.size())));
        return chosen;
    }

    /** Warm measurements; appends the Markdown section. */
    void warm(StringBuilder report, List<String> origins, int warmup, int iterations) {
        loadAdjacency();
        var targets = new HashMap<String, String>();
        for (var origin : origins) {
            targets.put(origin, pathTarget(origin));
        }
        report.append("## Real graph: seed, full Flock import, transparency reports\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%,d organizations with flows, %,d flows, %,d FEEDS links. Origins: the 10 Flock agencies with the"
                                + " most sharing partners and 10 drawn with seed 42 (%s … %s). `limit: %d, maxPaths: %d`."
                                + " %d warm-up rounds, then %d measured rounds; in each round every origin is asked through"
                                + " GraphQL and through the driver (alternating which goes first), then the two floors.%n%n",
                        out.size()
                                + in.keySet().stream()
                                        .filter(id -> !out.containsKey(id))
                                        .count(),
                        flows.size(),
                        feeds.values().stream().mapToLong(List::size).sum(),
                        origins.getFirst(),
                        origins.getLast(),
                        LIMIT,
                        MAX_PATHS,
                        warmup,
                        iterations))
                .append(
                        "- **raw**: the very statements the service runs, through the driver in one read transaction.\n")
                .append(
                        "- **Cypher floor**: the simplest statement that returns the same reached set (1-hop pattern for Flock"
                                + " lineage, a plain quantified pattern for reachability, `SHORTEST 3` without rules for paths,"
                                + " 1-hop agencies for exposure); it checks no dates, confidence, retraction or repeated organizations.\n")
                .append("- **BFS floor**: breadth-first search over an in-memory adjacency list of the same graph"
                        + " (organizations for reachability, flows and their FEEDS links for lineage), no database.\n")
                .append("- **same set**: origins whose reached count equals the Cypher floor's.\n\n")
                .append(
                        "| shape | reached (mean) | truncated | GraphQL p50 | GraphQL p99 | raw p50 | raw p99 |"
                                + " Cypher floor p50 | BFS floor p50 | GraphQL / Cypher floor | GraphQL / BFS floor | same set |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var shape : SHAPES) {
            log.printf("Real graph: %s…%n", shape.name());
            log.flush();
            var graphql = new ArrayList<Long>();
            var raw = new ArrayList<Long>();
            var floor = new ArrayList<Long>();
            var bfs = new ArrayList<Long>();
            long reached = 0;
            int truncated = 0;
            int same = 0;
            for (int round = 0; round < warmup + iterations; round++) {
                boolean measured = round >= warmup;
                for (int o = 0; o < origins.size(); o++) {
                    var origin = origins.get(o);
                    var target = targets.get(origin);
                    long[] g = new long[1];
                    long[] r = new long[1];
                    int[] answer = new int[2];
                    Runnable viaGraphQl = () -> g[0] = timed(() -> {
                        var body = graphQl(shape, origin, target, Map.of());
                        answer[0] = reachedCount(shape, body);
                        answer[1] = body.contains("\"truncated\":true") ? 1 : 0;
                        return null;
                    });
                    Runnable viaDriver = () -> r[0] = timed(() -> raw(shape, origin, target));
                    if ((round + o) % 2 == 0) {
                        viaGraphQl.run();
                        viaDriver.run();
                    } else {
                        viaDriver.run();
                        viaGraphQl.run();
                    }
                    long[] floorCount = new long[1];
                    long f = timed(() -> floorCount[0] = floor(shape, origin, target));
                    long b = timed(() -> bfs(shape, origin, target));
                    if (measured) {
                        graphql.add(g[0]);
                        raw.add(r[0]);
                        floor.add(f);
                        bfs.add(b);
                        reached += answer[0];
                        truncated += answer[1];
                        same += answer[0] == floorCount[0] ? 1 : 0;
                    }
                }
            }
            int rounds = iterations;
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %d of %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %d of %d |%n",
                    shape.name(),
                    reached / (double) graphql.size(),
                    truncated / rounds,
                    origins.size(),
                    Benchmark.percentile(graphql, 50),
                    Benchmark.percentile(graphql, 99),
                    Benchmark.percentile(raw, 50),
                    Benchmark.percentile(raw, 99),
                    Benchmark.percentile(floor, 50),
                    Benchmark.percentile(bfs, 50),
                    Benchmark.percentile(graphql, 50) / Benchmark.percentile(floor, 50),
                    Benchmark.percentile(graphql, 50) / Math.max(0.001, Benchmark.percentile(bfs, 50)),
                    same / rounds,
                    origins.size()));
        }
        report.append('\n');
    }

    /**
     * Known time and recorded time beside the plain trace, warm, through GraphQL: the day of the run as
     * {@code asKnownOn} and the instant the section starts as {@code recordedAsOf}, so each answer is the
     * plain one and the figures show what the two filters cost.
     */
    void times(StringBuilder report, List<String> origins, int warmup, int iterations) {
        var variants = new AsOfVariants();
        report.append("### Known time and recorded time\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "The same origins and rounds, through GraphQL: each trace plain, with `asKnownOn: \"%s\"` (the day"
                                + " of the run) and with `recordedAsOf: \"%s\"` (when this section started), asked in turn"
                                + " for every origin, rotating which goes first. Both filters keep every fact here, so"
                                + " the reached sets must match the plain one; the ratios are what the filters cost.%n%n",
                        variants.today,
                        variants.now))
                .append(
                        "| shape | reached (mean) | plain p50 | plain p99 | asKnownOn p50 | asKnownOn p99 | asKnownOn / plain p50 |"
                                + " recordedAsOf p50 | recordedAsOf p99 | recordedAsOf / plain p50 | same set |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (var shape : List.of(SHAPES.get(0), SHAPES.get(1), SHAPES.get(3))) {
            log.printf("Real graph, known and recorded time: %s…%n", shape.name());
            log.flush();
            var times = AsOfVariants.timings();
            long reached = 0;
            int same = 0;
            int asked = 0;
            for (int round = 0; round < warmup + iterations; round++) {
                for (int o = 0; o < origins.size(); o++) {
                    var origin = origins.get(o);
                    var counts = new HashMap<String, Integer>();
                    for (int k = 0; k < AsOfVariants.NAMES.size(); k++) {
                        var name = AsOfVariants.turn(round, o, k);
                        var filters = variants.filters(name);
                        int[] count = new int[1];
                        long t = timed(() -> count[0] = reachedCount(shape, graphQl(shape, origin, null, filters)));
                        counts.put(name, count[0]);
                        if (round >= warmup) {
                            times.get(name).add(t);
                        }
                    }
                    if (round >= warmup) {
                        asked++;
                        reached += counts.get("plain");
                        same += counts.values().stream().distinct().count() == 1 ? 1 : 0;
                    }
                }
            }
            double plain = Benchmark.percentile(times.get("plain"), 50);
            report.append(String.format(
                    Locale.ROOT,
                    "| %s | %.0f | %.1f | %.1f | %.1f | %.1f | %.2f | %.1f | %.1f | %.2f | %d of %d |%n",
                    shape.name(),
                    reached / (double) asked,
                    plain,
                    Benchmark.percentile(times.get("plain"), 99),
                    Benchmark.percentile(times.get("asKnownOn"), 50),
                    Benchmark.percentile(times.get("asKnownOn"), 99),
                    Benchmark.percentile(times.get("asKnownOn"), 50) / plain,
                    Benchmark.percentile(times.get("recordedAsOf"), 50),
                    Benchmark.percentile(times.get("recordedAsOf"), 99),
                    Benchmark.percentile(times.get("recordedAsOf"), 50) / plain,
                    same,
                    asked));
        }
        report.append('\n');
    }

    /**
     * Cold: a new JVM on the same database, nothing warmed. Times the start-up report, then the
     * first call of every shape and of each filter, then how much CPU the idle server uses after.
     */
    public static void cold(StringBuilder report, Path dataDirectory, List<String> origins, PrintWriter log) {
        report.append("## Cold: a new JVM on the same database\n\n");
        if (origins.isEmpty()) {
            report.append("Skipped: the real graph was not loaded.\n\n");
            return;
        }
        var origin = origins.getFirst();
        var target = origins.get(1);
        var run = coldRun(dataDirectory, origin, target, log);
        report.append(String.format(
                        Locale.ROOT,
                        "`serve` on the database above (%s): start-up report printed **%.1f s** after launch"
                                + " (target ≤ 30 s). Then the first call of each shape from `%s` (paths to `%s`),"
                                + " each on its own, in this order, through HTTP GraphQL:%n%n",
                        dataDirectory.getFileName(),
                        run.ready(),
                        origin,
                        target))
                .append("| first call | ms |\n|---|---:|\n");
        int met = 0;
        for (var call : run.calls().entrySet()) {
            met += call.getValue() <= 500 ? 1 : 0;
            report.append(String.format(Locale.ROOT, "| %s | %.0f |%n", call.getKey(), call.getValue()));
        }
        report.append(String.format(
                Locale.ROOT,
                "%n%d of %d first calls took ≤ 500 ms. CPU the server used while idle for 5 s after these calls:"
                        + " %.2f s (no background work runs).%n%n",
                met,
                run.calls().size(),
                run.idleCpu()));
    }

    /** What one cold start measured: seconds to the report, first calls in order (ms), idle CPU seconds. */
    private record ColdRun(double ready, Map<String, Double> calls, double idleCpu) {}

    private static ColdRun coldRun(Path dataDirectory, String origin, String target, PrintWriter log) {
        var command = new ArrayList<String>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        var classPath = System.getProperty("java.class.path");
        if (classPath.endsWith(".jar") && !classPath.contains(java.io.File.pathSeparator)) {
            command.addAll(List.of("-jar", classPath));
        } else {
            command.addAll(List.of("-cp", classPath, "org.dataflowatlas.cli.Main"));
        }
        command.addAll(List.of(
                "serve",
                "--server.port=0",
                "--dataflow.embedded.data-directory=" + dataDirectory,
                "--dataflow.embedded.bolt-port=0",
                "--dataflow.embedded.http-port=0",
                "--dataflow.limits.query-timeout=120s",
                "--dataflow.security.generate-editor-key=false"));
        log.println("Cold: starting a new JVM on the benchmark's database…");
        log.flush();
        long launched = System.nanoTime();
        Process child;
        try {
            child = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        try {
            var lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String port = null;
            double ready = 0;
            var tail = new ArrayDeque<String>();
            for (String line; (line = lines.readLine()) != null; ) {
                tail.add(line);
                if (tail.size() > 20) {
                    tail.removeFirst();
                }
                if (line.contains("Dataflow Atlas is ready")) {
                    ready = (System.nanoTime() - launched) / 1e9;
                }
                if (ready > 0 && line.contains("GraphQL API")) {
                    port = line.replaceAll(".*localhost:(\\d+)/graphql.*", "$1");
                    break;
                }
            }
            if (port == null) {
                throw new IllegalStateException("the cold server did not start: " + String.join("\n", tail));
            }
            var drain = new Thread(() -> {
                try {
                    lines.lines().forEach(line -> {});
                } catch (UncheckedIOException closed) {
                    // the server was stopped: nothing more to read
                }
            });
            drain.setDaemon(true);
            drain.start();
            var cold = new RealGraph(null, URI.create("http://localhost:" + port + "/graphql"), log);
            var calls = new LinkedHashMap<String, Double>();
            for (var shape : SHAPES) {
                calls.put(shape.name(), timed(() -> cold.graphQl(shape, origin, target, Map.of())) / 1e6);
            }
            calls.put("policyConflicts (every platform)", timed(() -> cold.post(CONFLICTS, Map.of())) / 1e6);
            var filters = new LinkedHashMap<String, Map<String, Object>>();
            filters.put("activeOn: 2024-06", Map.of("activeOn", "2024-06"));
            filters.put("purposes: [LAW_ENFORCEMENT]", Map.of("purposes", List.of("LAW_ENFORCEMENT")));
            filters.put("minConfidence: REPORTED", Map.of("minConfidence", "REPORTED"));
            filters.put(
                    "categories: [reads of the origin]",
                    Map.of("categories", List.of(origin.replace("agency", "reads"))));
            for (var shape : List.of(SHAPES.get(0), SHAPES.get(1), SHAPES.get(3))) {
                for (var filter : filters.entrySet()) {
                    calls.put(
                            shape.name() + ", " + filter.getKey(),
                            timed(() -> cold.graphQl(shape, origin, target, filter.getValue())) / 1e6);
                }
            }
            return new ColdRun(ready, calls, cpuSeconds(child, Duration.ofSeconds(5)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            child.destroy();
            try {
                if (!child.waitFor(60, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** CPU time (user + system) the process and its threads use over the interval, from /proc. */
    private static double cpuSeconds(Process process, Duration interval) {
        var stat = Path.of("/proc/" + process.pid() + "/stat");
        if (!Files.exists(stat)) {
            return Double.NaN;
        }
        try {
            long before = ticks(Files.readString(stat));
            Thread.sleep(interval.toMillis());
            long after = ticks(Files.readString(stat));
            return (after - before) / 100.0; // USER_HZ
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            return Double.NaN;
        }
    }

    private static long ticks(String stat) {
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private String graphQl(Shape shape, String origin, String target, Map<String, Object> filters) {
        return switch (shape.kind()) {
            case "paths" -> {
                var ends = ends(origin, target);
                yield post(PATHS, Map.of("from", ends[0], "to", ends[1]));
            }
            case "exposure" -> post(EXPOSURE, Map.of("platform", origin));
            default -> {
                var variables = new HashMap<String, Object>(filters);
                variables.putAll(Map.of(
                        "from",
                        origin,
                        "direction",
                        shape.direction().name(),
                        "mode",
                        shape.mode().name(),
                        "hops",
                        shape.hops(),
                        "limit",
                        LIMIT,
                        "maxPaths",
                        MAX_PATHS));
                yield post(TRACE, variables);
            }
        };
    }

    private static int reachedCount(Shape shape, String body) {
        return switch (shape.kind()) {
            case "paths" -> count(body, "\"length\":");
            case "exposure" -> Integer.parseInt(body.replaceAll("(?s).*\"agencies\":(\\d+).*", "$1"));
            default -> count(body, "\"hops\":");
        };
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    /** The statements the service runs, through the driver in one read transaction. */
    private Object raw(Shape shape, String origin, String target) {
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            return session.executeRead(tx -> switch (shape.kind()) {
                case "paths" -> {
                    var ends = ends(origin, target);
                    var statement = TraceService.pathsStatement(ends[0], ends[1], 6, 3, null, AsOf.NOW);
                    yield tx.run(statement.cypher(), statement.parameters()).list();
                }
                case "exposure" ->
                    TraceService.walk(
                            ExposureService.request(origin, null, AsOf.NOW, 4),
                            (cypher, parameters) -> tx.run(cypher, parameters).list());
                default ->
                    TraceService.walk(
                            request(shape, origin),
                            (cypher, parameters) -> tx.run(cypher, parameters).list());
            });
        }
    }

    private static TraceRequest request(Shape shape, String origin) {
        return TraceRequest.from(origin)
                .direction(shape.direction())
                .mode(shape.mode())
                .maxHops(shape.hops())
                .limit(LIMIT)
                .maxPaths(MAX_PATHS)
                .build();
    }

    /** The simplest Cypher that returns the same reached set: its count. */
    private long floor(Shape shape, String origin, String target) {
        boolean downstream = shape.direction() == Direction.DOWNSTREAM;
        String cypher;
        var parameters = new HashMap<String, Object>(Map.of("from", origin));
        if (shape.kind().equals("paths")) {
            cypher = FLOOR_PATHS;
            var ends = ends(origin, target);
            parameters.put("from", ends[0]);
            parameters.put("to", ends[1]);
        } else if (shape.mode() == TraceMode.LINEAGE) {
            cypher = downstream ? FLOOR_DOWNSTREAM_LINEAGE : FLOOR_UPSTREAM_LINEAGE;
            if (shape.kind().equals("exposure")) {
                cypher = cypher.replace("(b:Organization)", "(b:Agency)");
            }
        } else {
            cypher = (downstream ? FLOOR_DOWNSTREAM_REACH : FLOOR_UPSTREAM_REACH).formatted(shape.hops());
        }
        return driver.executableQuery(cypher)
                .withParameters(parameters)
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }

    private void loadAdjacency() {
        try (var session = driver.session()) {
            session.run(ADJACENCY).forEachRemaining(record -> {
                var from = record.get("from").asString();
                var flow = record.get("flow").asString();
                var to = record.get("to").asString();
                var edge = new String[] {flow, from, to};
                flows.put(flow, edge);
                out.computeIfAbsent(from, k -> new ArrayList<>()).add(edge);
                in.computeIfAbsent(to, k -> new ArrayList<>()).add(edge);
                var next = record.get("feeds").asList(Value::asString);
                feeds.put(flow, next);
                next.forEach(later ->
                        fedBy.computeIfAbsent(later, k -> new ArrayList<>()).add(flow));
            });
        }
    }

    /**
     * The other end for paths: the first organization two hops downstream, else one; an agency that
     * shares with nobody gets the first organization two (else one) hops upstream, as the start.
     */
    private String pathTarget(String origin) {
        var downstream = nearest(reachable(origin, true, 2));
        return downstream != null
                ? downstream
                : "<" + Objects.requireNonNullElse(nearest(reachable(origin, false, 2)), origin);
    }

    private static @org.jspecify.annotations.Nullable String nearest(Map<String, Integer> reached) {
        return reached.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElse(null);
    }

    /** The ends of the paths question for an origin and its target ("<id" means from id to the origin). */
    private static String[] ends(String origin, String target) {
        return target.startsWith("<") ? new String[] {target.substring(1), origin} : new String[] {origin, target};
    }

    /** The BFS floor: reached organizations, in memory. */
    private int bfs(Shape shape, String origin, String target) {
        boolean downstream = shape.direction() == Direction.DOWNSTREAM;
        if (shape.kind().equals("paths")) {
            var ends = ends(origin, target);
            return reachable(ends[0], true, 6).containsKey(ends[1]) ? 1 : 0;
        }
        if (shape.mode() == TraceMode.REACHABILITY) {
            return reachable(origin, downstream, shape.hops()).size();
        }
        // LINEAGE: breadth first over flows along FEEDS, from the flows leaving (entering) the origin.
        var reached = new HashSet<String>();
        var seen = new HashSet<String>();
        var frontier = new ArrayList<String>();
        for (var edge : (downstream ? out : in).getOrDefault(origin, List.of())) {
            frontier.add(edge[0]);
            seen.add(edge[0]);
        }
        for (int hop = 1; hop <= shape.hops() && !frontier.isEmpty(); hop++) {
            var next = new ArrayList<String>();
            for (var flow : frontier) {
                var far = flows.get(flow)[downstream ? 2 : 1];
                if (!far.equals(origin)) {
                    reached.add(far);
                }
                for (var following : (downstream ? feeds : fedBy).getOrDefault(flow, List.of())) {
                    if (seen.add(following)) {
                        next.add(following);
                    }
                }
            }
            frontier = next;
        }
        return reached.size();
    }

    private Map<String, Integer> reachable(String origin, boolean downstream, int hops) {
        var reached = new HashMap<String, Integer>();
        reached.put(origin, 0);
        var frontier = List.of(origin);
        for (int hop = 1; hop <= hops && !frontier.isEmpty(); hop++) {
            var next = new ArrayList<String>();
            for (var organization : frontier) {
                for (var edge : (downstream ? out : in).getOrDefault(organization, List.of())) {
                    var far = edge[downstream ? 2 : 1];
                    if (reached.putIfAbsent(far, hop) == null) {
                        next.add(far);
                    }
                }
            }
            frontier = next;
        }
        reached.remove(origin);
        return reached;
    }

    private static long timed(Supplier<?> work) {
        long started = System.nanoTime();
        work.get();
        return System.nanoTime() - started;
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
}
