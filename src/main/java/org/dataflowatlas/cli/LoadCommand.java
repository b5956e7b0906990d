package org.dataflowatlas.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.script.CypherScriptLoader;
import org.dataflowatlas.script.ScriptFailedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "load",
        mixinStandardHelpOptions = true,
        description = {
            "Run Cypher scripts against the configured database (the embedded one in DATAFLOW_DATA_DIR, or NEO4J_URI).",
            "Statements are separated by semicolons; each file runs in one transaction: if a statement fails,",
            "the file is rolled back, the error names its file and line, and no further file is run."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar load my-findings.cypher",
            "  ./mvnw spring-boot:run -Dspring-boot.run.arguments=\"load cypher/seed/001-x-dataminr-secret-service.cypher\"",
            "  NEO4J_URI=bolt://localhost:7687 java -jar target/dataflow-atlas.jar load a.cypher b.cypher",
            "",
            "A file must not mix schema statements (CREATE INDEX/CONSTRAINT) with data writes: Neo4j runs them in",
            "separate transactions. Stop a running embedded server first, or load through it with NEO4J_URI."
        })
final class LoadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Cypher script(s) to run, in order.")
    List<Path> files = new ArrayList<>();

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        for (var file : files) {
            if (!Files.isReadable(file) || Files.isDirectory(file)) {
                err.println("Error: " + file + " is not a readable file. Nothing was loaded.");
                return 2;
            }
        }
        try (var context = Cli.context(springArguments)) {
            var loader = context.getBean(CypherScriptLoader.class);
            for (int i = 0; i < files.size(); i++) {
                try {
                    out.println(loader.load(files.get(i)).summary());
                } catch (ScriptFailedException ex) {
                    err.println("Error: " + ex.getMessage());
                    if (i + 1 < files.size()) {
                        err.println("Not run: " + files.subList(i + 1, files.size()));
                    }
                    return 1;
                }
            }
        }
        return 0;
    }
}
