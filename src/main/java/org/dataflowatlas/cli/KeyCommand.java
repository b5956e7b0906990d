package org.dataflowatlas.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.dataflowatlas.security.ApiKeys;
import org.dataflowatlas.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "key",
        mixinStandardHelpOptions = true,
        description = {
            "Make a new API key. Prints the key once (give it to its holder: it is not stored anywhere) and",
            "the configuration lines that let the server accept it, which hold only its SHA-256 digest.",
            "Callers send it as the header 'Authorization: Bearer <key>'. Needs no database."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar key --name alice --role editor",
            "  java -jar target/dataflow-atlas.jar key --name newsroom-dashboard --role reader",
            "",
            "Exit codes: 0 printed, 2 bad arguments."
        })
final class KeyCommand implements Callable<Integer> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Spec
    CommandSpec spec;

    @Option(
            names = "--name",
            required = true,
            description = "Who holds the key (lower-case letters, digits, '.', '_', '-'); the audit trail records it.")
    String name;

    @Option(
            names = "--role",
            defaultValue = "reader",
            description = "reader (queries) or editor (queries and mutations); default ${DEFAULT-VALUE}.")
    String role;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!NAME.matcher(name).matches()) {
            err.println("Error: --name must be lower-case letters, digits, '.', '_' or '-' (at most 64), e.g. alice.");
            return 2;
        }
        Role parsed;
        try {
            parsed = Role.valueOf(role.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            err.println("Error: --role must be reader or editor.");
            return 2;
        }
        var key = ApiKeys.newKey();
        var digest = ApiKeys.sha256(key);
        var lower = parsed.name().toLowerCase(Locale.ROOT);
        var variable = "DATAFLOW_SECURITY_KEYS_" + name.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
        out.println("Key for " + name + " (" + lower + "), shown once:");
        out.println();
        out.println("  " + key);
        out.println();
        out.println("In application.properties (or a file passed with --spring.config.additional-location):");
        out.println("  dataflow.security.keys." + name + ".role=" + lower);
        out.println("  dataflow.security.keys." + name + ".sha256=" + digest);
        out.println("Or as environment variables:");
        out.println("  " + variable + "_ROLE=" + lower);
        out.println("  " + variable + "_SHA256=" + digest);
        return 0;
    }
}
