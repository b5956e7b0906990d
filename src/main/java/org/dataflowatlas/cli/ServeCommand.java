package org.dataflowatlas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.DataflowAtlasApplication;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the GraphQL API (and, without NEO4J_URI, the embedded Neo4j with Neo4j Browser).",
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar",
            "  DATAFLOW_DATA_DIR=/srv/atlas java -jar target/dataflow-atlas.jar serve --server.port=9090",
            "  NEO4J_URI=neo4j://db:7687 NEO4J_USERNAME=neo4j NEO4J_PASSWORD=secret java -jar target/dataflow-atlas.jar"
        })
final class ServeCommand implements Callable<Integer> {

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        return serve(springArguments);
    }

    static int serve(List<String> springArguments) {
        try {
            SpringApplication.run(DataflowAtlasApplication.class, springArguments.toArray(String[]::new));
            return AtlasCommand.KEEP_RUNNING;
        } catch (RuntimeException ex) {
            return 1; // Spring Boot has already reported why, with what to do where it knows
        }
    }
}
