package org.dataflowatlas.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.neo4j.Neo4jStartupException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** The one executable: {@code serve} (the default), {@code load}, {@code import}, {@code export} and {@code generate}. */
@Command(
        name = "dataflow-atlas",
        mixinStandardHelpOptions = true,
        version = "Dataflow Atlas 0.1.0",
        description =
                "An evidence-backed graph of who passes people's data to whom, served as a GraphQL API over Neo4j.%n"
                        + "Without a command, starts the API (same as `serve`).",
        subcommands = {
            ServeCommand.class,
            LoadCommand.class,
            ImportCommand.class,
            ExportCommand.class,
            GenerateCommand.class,
            KeyCommand.class,
            BenchCommand.class,
            LineageCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Without NEO4J_URI, an embedded Neo4j runs in-process with its data in DATAFLOW_DATA_DIR (default ./data).",
            "Spring options pass through, e.g. --server.port=9090."
        })
public final class AtlasCommand implements Callable<Integer> {

    /** Exit code meaning: the API is serving; keep the JVM alive. */
    public static final int KEEP_RUNNING = Integer.MIN_VALUE;

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        return ServeCommand.serve(springArguments);
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with its error handling: failures print what to do, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new AtlasCommand()).setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getColorScheme().errorText("Error: " + rootMessage(ex)));
            return 1;
        });
    }

    /** The most specific message in a chain: what a user can act on, without a stack trace. */
    static String rootMessage(Throwable ex) {
        Throwable mostSpecific = ex;
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jStartupException) {
                return cause.getMessage();
            }
            mostSpecific = cause;
        }
        return String.valueOf(mostSpecific.getMessage());
    }
}
