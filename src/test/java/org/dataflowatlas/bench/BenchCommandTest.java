package org.dataflowatlas.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.cli.CommandRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * A smoke run of the benchmark at a tiny scale (no figures are asserted, only that every step ran
 * and the report holds what the README promises); the real run is `dataflow-atlas bench`.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
class BenchCommandTest {

    @TempDir
    Path work;

    @Test
    void a_tiny_run_writes_the_whole_report_and_a_trace_with_evidence_costs_a_statement_per_hop_and_one_more()
            throws Exception {
        var report = work.resolve("bench.md");
        var run = CommandRun.of(
                "bench",
                "--flows",
                "2000",
                "--organizations",
                "200",
                "--origins",
                "2",
                "--warmup",
                "0",
                "--iterations",
                "2",
                "--hops",
                "2,4",
                "--flock",
                work.resolve("no-flock-here").toString(),
                "--page-cache",
                "64m",
                "--output",
                report.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        var markdown = Files.readString(report);
        assertThat(markdown)
                .contains("| cores |", "| Neo4j | embedded ")
                .contains("`generate --organizations 200 --flows 2,000 --seed 42`")
                .contains("| LINEAGE | 2 |", "| LINEAGE | 4 |", "| REACHABILITY | 2 |", "| REACHABILITY | 4 |")
                .containsPattern("an empty request \\(`\\{ __typename }`.*: \\d+\\.\\d ms p50")
                .contains("## Real graph\n\nSkipped: ", "## Cold: a new JVM on the same database\n\nSkipped: ");
        var statements =
                Pattern.compile("\\| trace of `syn-org-0`[^|]*\\| (\\d+) \\|").matcher(markdown);
        assertThat(statements.find()).as(markdown).isTrue();
        // Four hops at most, the nodes of the paths kept, then the categories, products and evidence of every flow.
        assertThat(Integer.parseInt(statements.group(1))).isBetween(2, 4 + 1 + 1);
    }

    @Test
    void percentiles_pick_the_nearest_rank() {
        var nanos = List.of(5_000_000L, 1_000_000L, 3_000_000L, 2_000_000L, 4_000_000L);
        assertThat(Benchmark.percentile(nanos, 50)).isEqualTo(3.0);
        assertThat(Benchmark.percentile(nanos, 99)).isEqualTo(5.0);
        assertThat(Benchmark.percentile(nanos, 1)).isEqualTo(1.0);
    }
}
