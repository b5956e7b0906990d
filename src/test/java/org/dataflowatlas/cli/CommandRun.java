package org.dataflowatlas.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A command run as {@code Main} runs it, in this JVM: its exit code and what it printed.
 *
 * @param exitCode the process exit code the command would give
 * @param out what it printed on standard output
 * @param err what it printed on standard error (progress, errors)
 */
public record CommandRun(int exitCode, String out, String err) {

    public static CommandRun of(String... arguments) {
        var out = new StringWriter();
        var err = new StringWriter();
        int exitCode = AtlasCommand.commandLine()
                .setOut(new PrintWriter(out))
                .setErr(new PrintWriter(err))
                .execute(arguments);
        return new CommandRun(exitCode, out.toString(), err.toString());
    }

    /** For failure messages. */
    @Override
    public String toString() {
        return "--- exit " + exitCode + ", stdout ---\n" + out + "\n--- stderr ---\n" + err;
    }
}
