package org.dataflowatlas.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.datasets.EventsImporter;
import org.dataflowatlas.datasets.RegistriesImporter;
import org.dataflowatlas.importer.ImportFailedException;
import org.dataflowatlas.importer.Importer;
import org.dataflowatlas.importer.MappingException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Import CSV datasets into the configured database through a mapping (cypher/import/*.yaml,",
            "documented by schema/mapping.schema.json). Every row is read and checked first: if any row is",
            "bad, the problems are listed with file, line and column and nothing is written. Then rows are",
            "written in batches (one transaction each) with progress. Re-importing the same files changes nothing.",
            "--format ftm imports a FollowTheMoney entity file (one entity per line, from Aleph or OpenSanctions):",
            "organizations, companies, public bodies, people, documents, ownership, directorships, memberships and",
            "documentation, checked whole and written in one transaction; every fact cites a source for the file.",
            "--format events imports a timeline of reported events (JSON lines) through an events mapping",
            "(default surveillance-events): actors resolved by the mapping's alias table, checked whole, one transaction.",
            "--format registries imports data-broker registries and lobbying filings from a folder through a registries",
            "mapping (default data-brokers): one organization per broker across registries, merges and near-misses reported."
        },
        footer = {
            "",
            "Examples:",
            "  java -jar target/dataflow-atlas.jar import --mapping flock-sharing datasets/flock-sharing",
            "  java -jar target/dataflow-atlas.jar import --mapping transparency-reports datasets/transparency-reports",
            "  java -jar target/dataflow-atlas.jar import --mapping my-mapping.yaml --dry-run data/contracts.csv",
            "  java -jar target/dataflow-atlas.jar import --format ftm --dry-run opensanctions-extract.ftm.json",
            "  java -jar target/dataflow-atlas.jar import --format events --dry-run datasets/surveillance-events",
            "  java -jar target/dataflow-atlas.jar import --format registries datasets/data-brokers",
            "  ./mvnw spring-boot:run -Dspring-boot.run.arguments=\"import --mapping flock-sharing datasets/flock-sharing\"",
            "",
            "Exit codes: 0 imported, 1 rows or mapping rejected (nothing written) or a batch failed, 2 bad arguments."
        })
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--mapping",
            paramLabel = "NAME_OR_FILE",
            description = "For CSV: a shipped mapping (flock-sharing, transparency-reports) or a mapping file.")
    String mapping;

    @Option(
            names = "--format",
            defaultValue = "csv",
            description =
                    "csv (default: datasets through a mapping), ftm (a FollowTheMoney entity file), events"
                            + " (a timeline of reported events, JSON lines) or registries (data-broker registries and lobbying).")
    String format;

    @Option(names = "--dry-run", description = "Read and check every row, report, write nothing.")
    boolean dryRun;

    @Option(
            names = "--batch-size",
            defaultValue = "5000",
            description = "Rows per transaction (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Parameters(
            arity = "1..*",
            paramLabel = "PATH",
            description = "CSV files, or folders holding the files the mapping names.")
    List<Path> paths = new ArrayList<>();

    @Unmatched
    List<String> springArguments = new ArrayList<>();

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        if (batchSize < 1 || batchSize > 100_000) {
            err.println("Error: --batch-size must be between 1 and 100000.");
            return 2;
        }
        if (format.equals("ftm")) {
            return importFtm(err, out);
        }
        if (format.equals("events") || format.equals("registries")) {
            return importDataset(err, out);
        }
        if (!format.equals("csv")) {
            err.println("Error: --format must be csv, ftm, events or registries (got '" + format + "').");
            return 2;
        }
        if (mapping == null) {
            err.println("Error: a CSV import needs --mapping NAME_OR_FILE (flock-sharing, transparency-reports or a"
                    + " mapping file); for a FollowTheMoney file give --format ftm.");
            return 2;
        }
        try (var context = Cli.context(springArguments)) {
            var summary =
                    context.getBean(Importer.class).run(mapping, paths, dryRun, batchSize, new PrintWriter(err, true));
            summary.lines().forEach(summary.failed() ? err::println : out::println);
            return summary.failed() ? 1 : 0;
        } catch (MappingException | InvalidInputException ex) {
            err.println("Error: " + ex.getMessage());
            return 1;
        } catch (ImportFailedException ex) {
            err.println("Error: " + ex.getMessage());
            return 1;
        }
    }

    private Integer importDataset(PrintWriter err, PrintWriter out) {
        if (paths.size() != 1) {
            err.println("Error: --format " + format + " takes one "
                    + (format.equals("events")
                            ? "events file (JSON lines) or the folder holding it"
                            : "folder holding the registry files")
                    + ", got " + paths + ".");
            return 2;
        }
        try (var context = Cli.context(springArguments)) {
            var progress = new PrintWriter(err, true);
            var summary = format.equals("events")
                    ? context.getBean(EventsImporter.class)
                            .run(mapping == null ? "surveillance-events" : mapping, paths.getFirst(), dryRun, progress)
                    : context.getBean(RegistriesImporter.class)
                            .run(mapping == null ? "data-brokers" : mapping, paths.getFirst(), dryRun, progress);
            summary.lines().forEach(summary.failed() ? err::println : out::println);
            return summary.failed() ? 1 : 0;
        } catch (InvalidInputException ex) {
            err.println("Error: " + ex.getMessage());
            return 1;
        }
    }

    private Integer importFtm(java.io.PrintWriter err, java.io.PrintWriter out) {
        if (mapping != null) {
            err.println("Error: --format ftm reads FtM entities as they are; it takes no --mapping.");
            return 2;
        }
        if (paths.size() != 1 || !java.nio.file.Files.isRegularFile(paths.getFirst())) {
            err.println("Error: --format ftm takes one FtM entity file (one JSON entity per line), got " + paths + ".");
            return 2;
        }
        try (var context = Cli.context(springArguments)) {
            var summary = context.getBean(org.dataflowatlas.ftm.FtmImporter.class)
                    .run(paths.getFirst(), dryRun, new PrintWriter(err, true));
            summary.lines().forEach(summary.failed() ? err::println : out::println);
            return summary.failed() ? 1 : 0;
        } catch (InvalidInputException ex) {
            err.println("Error: " + ex.getMessage());
            return 1;
        }
    }
}
