package org.dataflowatlas.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.importer.SyntheticGraph;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "generate",
        mixinStandardHelpOptions = true,
        description = {
            "Write a synthetic graph into the configured database, for scale tests and benchmarks: platforms",
            "sell posts to vendors, vendors send alerts derived from them to agencies, agencies share their own",
            "camera reads; with dates, confidence and evidence citing a synthetic Source. The same seed always",
            "gives the same graph. Every id starts with syn-, so it is easy to tell apart (and to delete)."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar generate --organizations 10000 --flows 100000 --seed 42",
            "  DATAFLOW_DATA_DIR=/tmp/bench java -jar target/dataflow-atlas.jar generate --organizations 200000 --flows 1000000"
        })
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--organizations", required = true, description = "How many organizations (at least 3).")
    int organizations;

    @Option(names = "--flows", required = true, description = "How many flows.")
    long flows;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(
            names = "--batch-size",
            defaultValue = "5000",
            description = "Rows per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        try (var context = Cli.context(springArguments)) {
            var result = context.getBean(SyntheticGraph.class)
                    .generate(organizations, flows, seed, batchSize, new PrintWriter(err, true));
            double seconds = result.elapsed().toNanos() / 1e9;
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Generated %,d organizations and %,d flows (seed %d) in %.1f s (%,.0f flows/s)%n",
                            result.organizations(), result.flows(), seed, seconds, result.flows() / seconds);
            return 0;
        } catch (InvalidInputException ex) {
            err.println("Error: " + ex.getMessage());
            return 2;
        }
    }
}
