package org.dataflowatlas.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.DataflowAtlasApplication;
import org.dataflowatlas.bench.Benchmark;
import org.dataflowatlas.bench.RealGraph;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = {
            "Measure the product against raw Neo4j in one run on fresh, temporary embedded databases:",
            "the Flock import through the product versus its bare UNWIND statements; a synthetic graph from",
            "`generate`; lineage and reachability traces of 2, 4 and 6 hops through HTTP GraphQL versus the",
            "same statement through the driver, interleaved (p50, p99, ratios, PROFILE db hits); and Cypher",
            "statements per GraphQL request. Prints a Markdown table and writes it to --output."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar bench                      # default scale, about 5 minutes on 2 cores",
            "  java -jar target/dataflow-atlas.jar bench --flows 1000000 --organizations 100000 --output /tmp/bench.md",
            "",
            "Exit codes: 0 measured, 1 a step failed, 2 bad arguments."
        })
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--flows", defaultValue = "100000", description = "Synthetic flows (default ${DEFAULT-VALUE}).")
    long flows;

    @Option(
            names = "--organizations",
            defaultValue = "0",
            description = "Synthetic organizations (default: flows / 10).")
    int organizations;

    @Option(names = "--origins", defaultValue = "8", description = "Trace origins (default ${DEFAULT-VALUE}).")
    int origins;

    @Option(names = "--warmup", defaultValue = "5", description = "Warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(
            names = "--iterations",
            defaultValue = "25",
            description = "Measured rounds per mode and hop count (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(
            names = "--hops",
            split = ",",
            defaultValue = "2,4,6",
            description = "Hop counts (default ${DEFAULT-VALUE}).")
    List<Integer> hops = new ArrayList<>();

    @Option(
            names = "--flock",
            defaultValue = "datasets/flock-sharing",
            description = "The Flock dataset for the import comparison (default ${DEFAULT-VALUE}; skipped if absent).")
    Path flock;

    @Option(
            names = "--output",
            defaultValue = "docs/benchmarks.md",
            description = "Where to write the Markdown report (default ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--real-warmup",
            defaultValue = "2",
            description = "Warm-up rounds on the real graph (default ${DEFAULT-VALUE}).")
    int realWarmup;

    @Option(
            names = "--real-iterations",
            defaultValue = "5",
            description = "Measured rounds on the real graph, 20 origins each (default ${DEFAULT-VALUE}).")
    int realIterations;

    @Option(
            names = "--cold",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Also start a new JVM on the database and time first calls (default ${DEFAULT-VALUE}).")
    boolean cold;

    @Option(names = "--page-cache", defaultValue = "1g", description = "Neo4j page cache (default ${DEFAULT-VALUE}).")
    String pageCache;

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (flows < 1_000
                || origins < 1
                || iterations < 1
                || warmup < 0
                || hops.isEmpty()
                || hops.stream().anyMatch(h -> h < 1 || h > 8)) {
            err.println("Error: --flows must be at least 1000, --origins and --iterations at least 1, --hops 1 to 8.");
            return 2;
        }
        int orgs = organizations > 0 ? organizations : (int) Math.max(100, flows / 10);
        var command = "java -jar target/dataflow-atlas.jar bench --flows " + flows + " --organizations " + orgs
                + " --origins " + origins + " --warmup " + warmup + " --iterations " + iterations + " --real-warmup "
                + realWarmup + " --real-iterations " + realIterations + (cold ? "" : " --no-cold");
        // The product's database outlives its context, so the cold section can start a new JVM on it.
        var productData = Files.createTempDirectory("dataflow-atlas-bench");
        var common = List.of(
                "--dataflow.embedded.bolt-port=0",
                "--dataflow.embedded.http-port=0",
                "--dataflow.embedded.page-cache=" + pageCache,
                "--logging.level.root=WARN",
                "--logging.level.org.springframework=OFF");
        var bareArguments = new ArrayList<>(common);
        bareArguments.addAll(List.of("--dataflow.embedded.temporary=true", "--dataflow.seed.enabled=false"));
        var serving = new ArrayList<>(common);
        serving.addAll(List.of(
                "--dataflow.embedded.data-directory=" + productData,
                "--dataflow.security.generate-editor-key=false",
                "--server.port=0",
                "--dataflow.bench.count-statements=true",
                "--dataflow.limits.query-timeout=120s",
                "--dataflow.embedded.transaction-timeout=300s"));
        StringBuilder report;
        List<String> realOrigins;
        err.println("Starting two fresh temporary databases (the product, and a bare one for the import baseline)…");
        try (var bare = new SpringApplicationBuilder(DataflowAtlasApplication.class)
                        .web(WebApplicationType.NONE)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        .run(bareArguments.toArray(String[]::new));
                var product = new SpringApplicationBuilder(DataflowAtlasApplication.class)
                        .bannerMode(Banner.Mode.OFF)
                        .logStartupInfo(false)
                        .run(serving.toArray(String[]::new))) {
            var settings = new Benchmark.Settings(
                    flows,
                    orgs,
                    Math.min(origins, Math.max(1, orgs / 50)),
                    warmup,
                    iterations,
                    hops,
                    200,
                    500,
                    flock,
                    realWarmup,
                    realIterations,
                    command);
            var benchmark = new Benchmark(product, new java.io.PrintWriter(err, true));
            report = new StringBuilder(benchmark.run(settings, bare));
            realOrigins = benchmark.realOrigins();
        } catch (RuntimeException ex) {
            err.println("Error: the benchmark failed: " + ex.getMessage());
            return 1;
        }
        try {
            if (cold) {
                RealGraph.cold(report, productData, realOrigins, new java.io.PrintWriter(err, true));
            } else {
                report.append("## Cold: a new JVM on the same database\n\nSkipped (--no-cold).\n");
            }
            out.println(report);
            if (output.getParent() != null) {
                Files.createDirectories(output.getParent());
            }
            Files.writeString(output, report);
            err.println("Written to " + output);
            return 0;
        } catch (RuntimeException ex) {
            err.println("Error: the benchmark failed: " + ex.getMessage());
            return 1;
        } finally {
            FileSystemUtils.deleteRecursively(productData);
        }
    }
}
