package org.dataflowatlas.cli;

/** The command line: {@code java -jar dataflow-atlas.jar [command]}, {@code serve} when none is given. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        // Neo4j ships its own SLF4J provider; choosing Logback explicitly keeps one log and no start-up warning.
        System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        int exitCode = AtlasCommand.run(args);
        // `serve` keeps running on its non-daemon web threads; every other command ends here.
        if (exitCode != AtlasCommand.KEEP_RUNNING) {
            System.exit(exitCode);
        }
    }
}
