package org.dataflowatlas.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.export.GraphExporter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Write the graph to a file: a Cypher script that re-creates it (MERGE on ids; runs in Neo4j Browser,",
            "cypher-shell -f and `load`), JSON lines (one node or relationship per line), GraphML for Gephi/yEd,",
            "FollowTheMoney entities for Aleph and OpenSanctions tools (ftm: one entity per line), or a W3C",
            "PROV-JSON document (prov-json).",
            "--scope trace-from ID exports what a LINEAGE trace (4 hops) from that organization reaches, with",
            "the categories, products, agreements and sources of its flows."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar export --format cypher atlas.cypher",
            "  java -jar target/dataflow-atlas.jar export --format graphml --scope trace-from x x-lineage.graphml",
            "  java -jar target/dataflow-atlas.jar export --format json --scope all atlas.jsonl",
            "  java -jar target/dataflow-atlas.jar export --format ftm atlas.ftm.json",
            "  java -jar target/dataflow-atlas.jar export --format prov-json --scope trace-from x x-lineage.prov.json"
        })
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--format", required = true, description = "cypher, json, graphml, ftm or prov-json.")
    String format;

    @Option(names = "--scope", defaultValue = "all", description = "all (default), or trace-from ID.", arity = "1..2")
    List<String> scope = new ArrayList<>(List.of("all"));

    @Parameters(paramLabel = "FILE", description = "Where to write (overwritten).")
    Path file;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        GraphExporter.Format chosen;
        try {
            chosen = GraphExporter.Format.named(format);
        } catch (IllegalArgumentException ex) {
            err.println("Error: --format must be cypher, json, graphml, ftm or prov-json (got '" + format + "').");
            return 2;
        }
        String traceFrom = null;
        if (scope.size() == 2 && scope.get(0).equals("trace-from")) {
            traceFrom = scope.get(1);
        } else if (!(scope.size() == 1 && scope.get(0).equals("all"))) {
            err.println("Error: --scope must be `all` or `trace-from ID` (got " + String.join(" ", scope) + ").");
            return 2;
        }
        try (var context = Cli.context(springArguments)) {
            long started = System.nanoTime();
            var result = context.getBean(GraphExporter.class).export(chosen, traceFrom, file);
            spec.commandLine()
                    .getOut()
                    .printf(
                            "Exported %d nodes and %d relationships to %s (%s%s) in %.1f s%n",
                            result.nodes(),
                            result.relationships(),
                            file,
                            chosen.commandName(),
                            switch (chosen) {
                                case FTM -> ": " + result.items() + " entities";
                                case PROV_JSON -> ": " + result.items() + " records";
                                default -> "";
                            },
                            (System.nanoTime() - started) / 1e9);
            return 0;
        } catch (NotFoundException ex) {
            err.println("Error: --scope trace-from: " + ex.getMessage());
            return 1;
        }
    }
}
