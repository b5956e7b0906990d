package org.dataflowatlas.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.graph.Ids;
import org.jspecify.annotations.Nullable;

/**
 * Turns a mapping and CSV files into a validated {@link ImportPlan}: every row is read
 * ({@link TableReader}), evaluated ({@link RowEvaluator}) and its names resolved
 * ({@link NameResolver}) before anything is written, and every problem is reported with file,
 * line and column. Here the same organization or flow from several rows becomes one.
 */
final class ImportPlanner {

    static final int MAX_ERRORS = 100;

    /** Looks organizations up in the database: ids that exist, and ids for names or aliases. */
    interface Directory {
        Set<String> existingOrganizations(Set<String> ids);

        Map<String, String> idsByName(Set<String> names);
    }

    /** A value of the plan and where it was first made ("FILE line N"). */
    private record Placed<T>(T value, String place) {}

    private final ImportMapping mapping;
    private final Directory directory;
    private final List<RowError> errors = new ArrayList<>();
    private final Map<String, Placed<Planned.Organization>> organizations = new LinkedHashMap<>();
    private final Map<String, Placed<Planned.Flow>> flowsById = new HashMap<>();
    private final NameResolver names = new NameResolver();
    private final RowEvaluator evaluator;

    /** A table's rows as evaluated, before names are resolved. */
    private record TableRows(
            String file,
            long rowsRead,
            List<Planned.Organization> organizations,
            List<Planned.Flow> flows,
            List<Planned.Policy> policies,
            Map<String, Long> skipped) {}

    ImportPlanner(ImportMapping mapping, Directory directory) {
        this.mapping = mapping;
        this.directory = directory;
        this.evaluator = new RowEvaluator(new RowEvaluator.Needs() {
            @Override
            public void organization(Planned.Organization organization, String file, long line) {
                addOrganization(organization, file, line);
            }

            @Override
            public void byName(String name, @Nullable String kindLabel) {
                names.byName(name, kindLabel);
            }

            @Override
            public void reference(String id, RowError place) {
                names.reference(id, place);
            }

            @Override
            public void publisher(String name) {
                names.publisher(name);
            }
        });
    }

    ImportPlan plan(List<Path> paths) {
        var files = resolveFiles(paths);
        var sources = new LinkedHashMap<String, Planned.Source>();
        var mainSource = evaluator.source(mapping.source());
        sources.put(mainSource.id(), mainSource);
        for (var organization : mapping.organizations()) {
            addOrganization(evaluator.organization(organization, Row.NONE), "mapping", 0);
        }
        var products = new ArrayList<Map<String, Object>>();
        for (var product : mapping.products()) {
            var row = new HashMap<String, Object>();
            row.put("id", Ids.checkSlug("products.id", product.id()));
            row.put("name", product.name());
            row.put("description", product.description());
            row.put("offeredBy", product.offeredBy());
            if (product.offeredBy() != null) {
                names.reference(product.offeredBy(), new RowError("mapping", 0, "products.offeredBy", ""));
            }
            products.add(row);
        }
        var tables = new ArrayList<TableRows>();
        for (var table : mapping.tables()) {
            var file = files.get(table.file());
            if (file == null) {
                continue;
            }
            var tableSource = table.source() == null ? mainSource : evaluator.source(table.source());
            sources.putIfAbsent(tableSource.id(), tableSource);
            tables.add(planTable(table, file, tableSource.id()));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        var made = new LinkedHashMap<String, Planned.Organization>();
        organizations.forEach((id, placed) -> made.put(id, placed.value()));
        var resolution = names.resolve(made, directory);
        names.unknown(made.keySet(), directory).forEach(this::error);
        return new ImportPlan(
                mapping.name(),
                sources.values().stream()
                        .map(source -> source.withPublisher(resolution::resolve).parameters())
                        .toList(),
                made.values().stream().map(Planned.Organization::parameters).toList(),
                products,
                tables.stream().map(table -> resolved(table, resolution)).toList(),
                List.copyOf(errors));
    }

    /** A table's rows with every name an id; a policy whose publisher is no organization is skipped and counted. */
    private static ImportPlan.TablePlan resolved(TableRows table, NameResolver.Resolution resolution) {
        var skipped = new LinkedHashMap<>(table.skipped());
        var policies = new ArrayList<Map<String, Object>>();
        for (var policy : table.policies()) {
            var id = resolution.publisher(policy.publisher());
            if (id == null) {
                skipped.merge(
                        "policy of '" + policy.publisher()
                                + "', which is no organization of this import or the database",
                        1L,
                        Long::sum);
            } else {
                policies.add(policy.parameters(id));
            }
        }
        return new ImportPlan.TablePlan(
                table.file(),
                table.rowsRead(),
                table.organizations().stream()
                        .map(Planned.Organization::parameters)
                        .toList(),
                table.flows().stream()
                        .map(flow -> flow.withEnds(resolution::resolve).parameters())
                        .toList(),
                policies,
                skipped);
    }

    /** Each table's file, from the given files and folders; tables whose file is not given are left out. */
    private Map<String, Path> resolveFiles(List<Path> paths) {
        var wanted = mapping.files();
        var found = new LinkedHashMap<String, Path>();
        for (var path : paths) {
            if (Files.isDirectory(path)) {
                for (var name : wanted) {
                    if (Files.isRegularFile(path.resolve(name))) {
                        found.putIfAbsent(name, path.resolve(name));
                    }
                }
            } else if (Files.isRegularFile(path)) {
                var name = path.getFileName().toString();
                if (!wanted.contains(name)) {
                    throw new InvalidInputException(
                            path + " is not one of the files mapping '" + mapping.name() + "' reads: " + wanted + ".");
                }
                found.put(name, path);
            } else {
                throw new InvalidInputException(path + " does not exist: give a file or a folder.");
            }
        }
        if (found.isEmpty()) {
            throw new InvalidInputException(
                    "None of the files mapping '" + mapping.name() + "' reads " + wanted + " is in " + paths + ".");
        }
        return found;
    }

    private TableRows planTable(ImportMapping.Table table, Path file, String sourceId) {
        var name = table.file();
        var tableOrganizations = new ArrayList<Planned.Organization>();
        var flows = new ArrayList<Planned.Flow>();
        var policies = new ArrayList<Planned.Policy>();
        var skipped = new LinkedHashMap<String, Long>();
        long rows = TableReader.read(file, name, mapping.missing(), new TableReader.Rows() {
            @Override
            public boolean header(List<String> header) {
                return checkColumns(table, name, header);
            }

            @Override
            public boolean row(Row row) {
                var skipReason = RowEvaluator.skipReason(table.skip(), row);
                if (skipReason != null) {
                    skipped.merge(skipReason, 1L, Long::sum);
                    return true;
                }
                try {
                    for (var spec : table.organizations()) {
                        var organization = evaluator.organization(spec, row);
                        addOrganization(organization, name, row.line());
                        tableOrganizations.add(organization);
                    }
                    for (var spec : table.flows()) {
                        var flow = once(evaluator.flow(spec, row, sourceId, name, row.line()), spec, name, row.line());
                        if (flow != null) {
                            flows.add(flow);
                        }
                    }
                    for (var spec : table.policies()) {
                        policies.add(evaluator.policy(spec, row, sourceId));
                    }
                } catch (RowException ex) {
                    ImportPlanner.this.error(name, row.line(), ex.column(), ex.getMessage());
                }
                return errors.size() < MAX_ERRORS;
            }

            @Override
            public void error(long line, String column, String reason) {
                ImportPlanner.this.error(name, line, column, reason);
            }
        });
        return new TableRows(name, rows, tableOrganizations, flows, policies, skipped);
    }

    /** Every column a template names must be in the header: one error per missing column, at line 1. */
    private boolean checkColumns(ImportMapping.Table table, String file, List<String> header) {
        var missing = table.columns().stream()
                .filter(column -> !header.contains(column))
                .toList();
        for (var column : missing) {
            error(file, 1, column, "the mapping reads this column but the header has only " + header);
        }
        return missing.isEmpty();
    }

    /** The same organization from several rows merges; values given twice must agree. */
    private void addOrganization(Planned.Organization organization, String file, long line) {
        var id = organization.id();
        var previous = organizations.get(id);
        if (previous == null) {
            organizations.put(id, new Placed<>(organization, file + " line " + line));
            return;
        }
        var conflicts = previous.value().conflicts(organization);
        if (!conflicts.isEmpty()) {
            error(
                    file,
                    line,
                    "id",
                    "organization '" + id + "' is already made by " + previous.place() + " with different data ("
                            + String.join("; ", conflicts) + ")");
            return;
        }
        organizations.put(id, new Placed<>(previous.value().fill(organization), previous.place()));
    }

    /**
     * The flow, or null when an earlier row made it already: the same flow from two rows is one
     * flow (cited once); only its data must agree, not the quote.
     */
    private Planned.@Nullable Flow once(Planned.Flow flow, ImportMapping.FlowSpec spec, String file, long line) {
        var previous = flowsById.get(flow.id());
        if (previous == null) {
            flowsById.put(flow.id(), new Placed<>(flow, file + " line " + line));
            return flow;
        }
        var withoutQuote = previous.value().withQuote(flow.quote());
        if (!withoutQuote.equals(flow)) {
            throw new RowException(
                    spec.id().column("id"),
                    "flow '" + flow.id() + "' is already made by " + previous.place() + " with different data ("
                            + difference(withoutQuote.shown(), flow.shown()) + ")");
        }
        return null;
    }

    private static String difference(Map<String, Object> before, Map<String, Object> after) {
        var differences = new ArrayList<String>();
        var keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (var key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                differences.add(key + ": '" + before.get(key) + "' vs '" + after.get(key) + "'");
            }
        }
        return String.join("; ", differences);
    }

    private void error(RowError error) {
        error(error.file(), error.line(), error.column(), error.reason());
    }

    private void error(String file, long line, String column, String reason) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(file, line, column, reason));
        }
    }
}
