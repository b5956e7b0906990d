package org.dataflowatlas.importer;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.GraphWritten;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Imports CSV datasets through a mapping: reads and validates every row first (nothing is written
 * if any row is bad), then writes in batches with progress, and sums up what changed.
 */
@Component
public class Importer {

    public static final int DEFAULT_BATCH_SIZE = 5_000;

    private final Driver driver;

    private final ApplicationEventPublisher events;

    Importer(Driver driver, ApplicationEventPublisher events) {
        this.driver = driver;
        this.events = events;
    }

    /** A shipped mapping by name (cypher/import/NAME.yaml, in the checkout or the jar), or a mapping file. */
    static ImportMapping mapping(String nameOrFile) {
        var file = Path.of(nameOrFile);
        try {
            if (Files.isRegularFile(file)) {
                return ImportMapping.parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            var local = Path.of("cypher/import", nameOrFile + ".yaml");
            if (Files.isRegularFile(local)) {
                return ImportMapping.parse(local.toString(), Files.readString(local, StandardCharsets.UTF_8));
            }
            var shipped = new ClassPathResource("cypher/import/" + nameOrFile + ".yaml");
            if (shipped.exists()) {
                return ImportMapping.parse(nameOrFile + ".yaml", shipped.getContentAsString(StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            throw new MappingException("Cannot read mapping " + nameOrFile + ": " + ex.getMessage());
        }
        throw new MappingException("No mapping '" + nameOrFile + "': give a mapping file, or one of the shipped names"
                + " (flock-sharing, transparency-reports).");
    }

    /** Largest CSV text the API accepts in one request; bigger datasets go through the command line. */
    public static final int MAX_API_CSV = 1_000_000;

    /**
     * The same import for rows sent through the API: a shipped mapping by name (never a server path)
     * or a mapping given inline, and the CSV text of one of the files it reads.
     */
    public ImportSummary runText(
            @Nullable String mappingName, @Nullable String mappingYaml, String file, String csv, boolean dryRun) {
        if ((mappingName == null) == (mappingYaml == null)) {
            throw new InvalidInputException("Give either mapping (a shipped mapping's name: flock-sharing,"
                    + " transparency-reports) or mappingYaml (a mapping written out), not both and not neither.");
        }
        if (csv.length() > MAX_API_CSV) {
            throw new InvalidInputException("csv is " + csv.length() + " characters; the API takes at most "
                    + MAX_API_CSV + ". Import larger files with `dataflow-atlas import`.");
        }
        int replaced = csv.indexOf('\uFFFD');
        if (replaced >= 0) {
            throw new InvalidInputException("csv holds the replacement character U+FFFD (at character " + replaced
                    + "): the file was decoded with the wrong encoding before it was sent. Convert it to UTF-8 and"
                    + " send it again.");
        }
        var mapping = mappingYaml != null ? ImportMapping.parse("mappingYaml", mappingYaml) : shipped(mappingName);
        if (mapping.tables().stream().noneMatch(table -> table.file().equals(file))) {
            throw new InvalidInputException("file '" + file + "' is not one the mapping reads: "
                    + mapping.tables().stream().map(ImportMapping.Table::file).toList() + ".");
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("dataflow-atlas-import-");
            Files.writeString(folder.resolve(file), csv, StandardCharsets.UTF_8);
            return run(mapping, List.of(folder), dryRun, DEFAULT_BATCH_SIZE, new PrintWriter(Writer.nullWriter()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } finally {
            if (folder != null) {
                try (var files = Files.list(folder)) {
                    for (var path : files.toList()) {
                        Files.deleteIfExists(path);
                    }
                    Files.deleteIfExists(folder);
                } catch (IOException ignored) {
                    // a temporary folder left behind is harmless
                }
            }
        }
    }

    private static ImportMapping shipped(String name) {
        if (!name.matches("[a-z0-9-]+")) {
            throw new MappingException("mapping '" + name + "' is not the name of a shipped mapping"
                    + " (flock-sharing, transparency-reports).");
        }
        var shipped = new ClassPathResource("cypher/import/" + name + ".yaml");
        if (!shipped.exists()) {
            throw new MappingException("No shipped mapping '" + name + "' (flock-sharing, transparency-reports).");
        }
        try {
            return ImportMapping.parse(name + ".yaml", shipped.getContentAsString(StandardCharsets.UTF_8));
        } catch (IOException ex) {
            throw new MappingException("Cannot read mapping " + name + ": " + ex.getMessage());
        }
    }

    /**
     * The benchmark's baseline: the rows the mapping makes of these files (read and checked here,
     * untimed) written into another database by the same batched UNWIND … MERGE statements, with
     * nothing else — no progress, no audit. Returns the rows written and the seconds the writing took.
     */
    public BareWrite writeBare(String mappingName, List<Path> paths, Driver target, int batchSize) {
        var plan = new ImportPlanner(mapping(mappingName), new DatabaseDirectory()).plan(paths);
        if (!plan.errors().isEmpty()) {
            throw new MappingException(plan.errors().getFirst().toString());
        }
        long started = System.nanoTime();
        new ImportWriter(target, batchSize, new PrintWriter(java.io.Writer.nullWriter()), null, "bare").write(plan);
        return new BareWrite(rows(plan), (System.nanoTime() - started) / 1e9);
    }

    /** Rows and seconds of a bare write. */
    public record BareWrite(long rows, double seconds) {}

    private static long rows(ImportPlan plan) {
        return plan.organizations().size()
                + plan.sources().size()
                + plan.products().size()
                + plan.tables().stream()
                        .mapToLong(
                                table -> table.flows().size() + table.policies().size())
                        .sum();
    }

    public ImportSummary run(
            String mappingName, List<Path> paths, boolean dryRun, int batchSize, PrintWriter progress) {
        return run(mapping(mappingName), paths, dryRun, batchSize, progress);
    }

    private ImportSummary run(
            ImportMapping mapping, List<Path> paths, boolean dryRun, int batchSize, PrintWriter progress) {
        long started = System.nanoTime();
        progress.printf("Reading and checking %s with mapping '%s'…%n", paths, mapping.name());
        progress.flush();
        var plan = new ImportPlanner(mapping, new DatabaseDirectory()).plan(paths);
        long flows =
                plan.tables().stream().mapToLong(table -> table.flows().size()).sum();
        if (!plan.errors().isEmpty() || dryRun) {
            return summary(plan, dryRun, flows, 0, 0, 0, started);
        }
        var writer = new ImportWriter(driver, batchSize, progress, Actor.current(), "import:" + mapping.name());
        writer.write(plan);
        // After the last batch and the lineage links: what a trace reads of this import is complete.
        events.publishEvent(new GraphWritten("import:" + mapping.name()));
        return summary(
                plan,
                false,
                flows,
                writer.nodesCreated(),
                writer.relationshipsCreated(),
                writer.propertiesSet(),
                started);
    }

    private static ImportSummary summary(
            ImportPlan plan,
            boolean dryRun,
            long flows,
            long nodes,
            long relationships,
            long properties,
            long started) {
        return new ImportSummary(
                plan.mapping(),
                dryRun,
                plan.rowsRead(),
                plan.organizations().size(),
                flows,
                plan.skipped(),
                nodes,
                relationships,
                properties,
                Duration.ofNanos(System.nanoTime() - started),
                plan.errors());
    }

    /** Organization look-ups for the planner, in read transactions. */
    private final class DatabaseDirectory implements ImportPlanner.Directory {

        @Override
        public Set<String> existingOrganizations(Set<String> ids) {
            var found = new HashSet<String>();
            driver.executableQuery("UNWIND $ids AS id MATCH (o:Organization {id: id}) RETURN o.id AS id")
                    .withParameters(Map.of("ids", List.copyOf(ids)))
                    .withConfig(QueryConfig.builder()
                            .withRouting(RoutingControl.READ)
                            .build())
                    .execute()
                    .records()
                    .forEach(record -> found.add(record.get("id").asString()));
            return found;
        }

        @Override
        public Map<String, String> idsByName(Set<String> names) {
            var found = new LinkedHashMap<String, String>();
            driver.executableQuery("""
                            UNWIND $names AS name
                            MATCH (o:Organization)
                            WHERE toLower(o.name) = toLower(name) OR any(a IN coalesce(o.aliases, []) WHERE toLower(a) = toLower(name))
                            WITH name, o ORDER BY o.id
                            RETURN name, collect(o.id)[0] AS id
                            """)
                    .withParameters(Map.of("names", List.copyOf(names)))
                    .withConfig(QueryConfig.builder()
                            .withRouting(RoutingControl.READ)
                            .build())
                    .execute()
                    .records()
                    .forEach(record -> found.put(
                            record.get("name").asString(), record.get("id").asString()));
            return found;
        }
    }
}
