package org.dataflowatlas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.graph.Lineage;
import org.neo4j.driver.Driver;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "lineage",
        mixinStandardHelpOptions = true,
        description = {
            "Check, or rebuild, what traces read instead of working it out per request: the FEEDS links between",
            "consecutive flows of a lineage and each flow's evidencedSince date. The API, import, generate and",
            "load keep them up to date; Cypher written outside them (Neo4j Browser, cypher-shell) does not."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar lineage            # counts what is stale, exit code 1 if anything",
            "  java -jar target/dataflow-atlas.jar lineage --rebuild  # makes it again from the flows, categories and evidence"
        })
final class LineageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--rebuild", description = "Make every link and date again (in batches), then check.")
    boolean rebuild;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (var context = Cli.context(springArguments)) {
            var driver = context.getBean(Driver.class);
            if (rebuild) {
                long started = System.nanoTime();
                try (var session = driver.session()) {
                    Lineage.rebuildAll((cypher, parameters) ->
                            session.run(cypher, parameters).consume());
                }
                out.printf(
                        "Rebuilt the lineage links and evidence dates in %.1f s.%n",
                        (System.nanoTime() - started) / 1e9);
            }
            var counts =
                    driver.executableQuery(Lineage.check()).execute().records().getFirst();
            long extra = counts.get("extra").asLong();
            long missing = counts.get("missing").asLong();
            long misdated = counts.get("misdated").asLong();
            if (extra + missing + misdated == 0) {
                out.println("Lineage is up to date: every FEEDS link and evidencedSince date matches the flows.");
                return 0;
            }
            out.printf(
                    "Lineage is stale: %,d FEEDS links the rule does not give, %,d links missing, %,d flows with a wrong"
                            + " evidencedSince. Run `lineage --rebuild`.%n",
                    extra, missing, misdated);
            return 1;
        }
    }
}
