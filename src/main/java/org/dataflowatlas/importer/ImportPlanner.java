package org.dataflowatlas.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.flow.AccessMethod;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;

/**
 * Turns a mapping and CSV files into a validated {@link ImportPlan}: every row is evaluated and
 * checked (ids, enums, dates, numbers, references, duplicates) before anything is written, and
 * every problem is reported with file, line and column.
 */
final class ImportPlanner {

    static final int MAX_ERRORS = 100;

    /** Looks organizations up in the database: ids that exist, and ids for names or aliases. */
    interface Directory {
        Set<String> existingOrganizations(Set<String> ids);

        Map<String, String> idsByName(Set<String> names);
    }

    private final ImportMapping mapping;
    private final Directory directory;
    private final List<RowError> errors = new ArrayList<>();
    // Organizations to resolve by name: name -> (kind, first place it was asked for).
    private final Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> organizations = new LinkedHashMap<>();
    private final Map<String, String> organizationPlaces = new HashMap<>();
    private final Map<String, Map<String, Object>> flowsById = new HashMap<>();
    private final Map<String, String> flowPlaces = new HashMap<>();
    private final List<Reference> references = new ArrayList<>();
    // Sources whose publisher is named, to be resolved with the other names.
    private final List<Map<String, Object>> publisherSources = new ArrayList<>();
    // Names that must already be organizations (in this import or the database): policy publishers.
    private final Set<String> publisherNames = new LinkedHashSet<>();

    private record Reference(String id, RowError place) {}

    ImportPlanner(ImportMapping mapping, Directory directory) {
        this.mapping = mapping;
        this.directory = directory;
    }

    ImportPlan plan(List<Path> paths) {
        var files = resolveFiles(paths);
        var sources = new LinkedHashMap<String, Map<String, Object>>();
        var mainSource = source(mapping.source(), "source");
        sources.put((String) mainSource.get("id"), mainSource);
        for (var organization : mapping.organizations()) {
            addOrganization(evaluateOrganization(organization, Map.of(), "organizations"), "mapping", 0);
        }
        var products = new ArrayList<Map<String, Object>>();
        for (var product : mapping.products()) {
            var row = new HashMap<String, Object>();
            row.put("id", Ids.checkSlug("products.id", String.valueOf(product.get("id"))));
            row.put("name", String.valueOf(product.getOrDefault("name", product.get("id"))));
            row.put("description", product.get("description"));
            row.put("offeredBy", product.get("offeredBy"));
            if (product.get("offeredBy") != null) {
                references.add(new Reference(
                        String.valueOf(product.get("offeredBy")),
                        new RowError("mapping", 0, "products.offeredBy", "")));
            }
            products.add(row);
        }
        var tables = new ArrayList<ImportPlan.TablePlan>();
        for (var table : mapping.tables()) {
            var file = files.get(table.file());
            if (file == null) {
                continue;
            }
            var tableSource = table.source() == null ? mainSource : source(table.source(), table.file() + " source");
            sources.putIfAbsent((String) tableSource.get("id"), tableSource);
            tables.add(planTable(table, file, (String) tableSource.get("id")));
            if (errors.size() >= MAX_ERRORS) {
                break;
            }
        }
        resolveNames(tables);
        checkReferences();
        return new ImportPlan(
                mapping.name(),
                List.copyOf(sources.values()),
                List.copyOf(organizations.values()),
                products,
                tables,
                List.copyOf(errors));
    }

    /** Each table's file, from the given files and folders; tables whose file is not given are left out. */
    private Map<String, Path> resolveFiles(List<Path> paths) {
        var wanted = mapping.tables().stream().map(ImportMapping.Table::file).toList();
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

    private ImportPlan.TablePlan planTable(ImportMapping.Table table, Path file, String sourceId) {
        var name = table.file();
        var tableOrganizations = new ArrayList<Map<String, Object>>();
        var flows = new ArrayList<Map<String, Object>>();
        var policies = new ArrayList<Map<String, Object>>();
        var skipped = new LinkedHashMap<String, Long>();
        long rows = 0;
        try (Reader reader = utf8(file)) {
            var parser = CSVFormat.RFC4180
                    .builder()
                    .setHeader()
                    .setSkipHeaderRecord(true)
                    .setTrim(true)
                    .get()
                    .parse(reader);
            var header = parser.getHeaderNames();
            if (!checkColumns(table, name, header)) {
                return new ImportPlan.TablePlan(name, 0, List.of(), List.of(), List.of(), Map.of());
            }
            for (CSVRecord record : parser) {
                rows++;
                long line = record.getParser().getCurrentLineNumber();
                if (record.size() != header.size()) {
                    error(
                            name,
                            line,
                            "(row)",
                            "has " + record.size() + " values but the header has " + header.size()
                                    + " columns; check for a missing or extra comma or an unclosed quote");
                    continue;
                }
                var row = new HashMap<String, String>(record.toMap());
                // Values the dataset uses for "no value" (e.g. R's NA) read as blank.
                row.replaceAll((column, value) -> mapping.missing().contains(value) ? "" : value);
                row.put("_file", name);
                row.put("_line", Long.toString(line));
                var skipReason = skipReason(table, row);
                if (skipReason != null) {
                    skipped.merge(skipReason, 1L, Long::sum);
                    continue;
                }
                try {
                    for (var spec : table.organizations()) {
                        var organization = evaluateOrganization(spec, row, name + ".organizations");
                        addOrganization(organization, name, line);
                        tableOrganizations.add(organization);
                    }
                    for (var spec : table.flows()) {
                        var flow = evaluateFlow(spec, row, sourceId, name, line);
                        if (flow != null) {
                            flows.add(flow);
                        }
                    }
                    for (var spec : table.policies()) {
                        policies.add(evaluatePolicy(spec, row, sourceId));
                    }
                } catch (RowException ex) {
                    error(name, line, ex.column(), ex.getMessage());
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
        } catch (CharacterCodingException ex) {
            error(name, 0, "(file)", "is not UTF-8 text; save it as UTF-8 and import again");
        } catch (IOException | java.io.UncheckedIOException ex) {
            error(name, 0, "(file)", "cannot be read as CSV: " + ex.getMessage());
        }
        return new ImportPlan.TablePlan(name, rows, tableOrganizations, flows, policies, skipped);
    }

    private static Reader utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new java.io.InputStreamReader(Files.newInputStream(file), decoder);
    }

    /** Every column a template names must be in the header: one error per missing column, at line 1. */
    private boolean checkColumns(ImportMapping.Table table, String file, List<String> header) {
        var used = new LinkedHashSet<String>();
        collectColumns(table.organizations(), used);
        collectColumns(table.flows(), used);
        collectColumns(table.skip(), used);
        var missing = used.stream().filter(column -> !header.contains(column)).toList();
        for (var column : missing) {
            error(file, 1, column, "the mapping reads this column but the header has only " + header);
        }
        return missing.isEmpty();
    }

    private static void collectColumns(Object spec, Set<String> into) {
        if (spec instanceof String text) {
            into.addAll(Template.of(text, "mapping").columns());
        } else if (spec instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (!"match".equals(key)) {
                    collectColumns(value, into);
                }
            });
        } else if (spec instanceof List<?> list) {
            list.forEach(item -> collectColumns(item, into));
        }
    }

    private static @Nullable String skipReason(ImportMapping.Table table, Map<String, String> row) {
        for (var rule : table.skip()) {
            var value = Template.of(String.valueOf(rule.get("when")), "skip").apply(row);
            var values = ImportMapping.list(rule.get("in"), "skip.in").stream()
                    .map(String::valueOf)
                    .toList();
            if (values.contains(value)) {
                return String.valueOf(rule.getOrDefault("reason", "matched a skip rule of the mapping"));
            }
        }
        return null;
    }

    private Map<String, Object> evaluateOrganization(Map<String, Object> spec, Map<String, String> row, String where) {
        var organization = new HashMap<String, Object>();
        organization.put("id", slug(spec, "id", row));
        organization.put("name", text(spec, "name", row, true));
        var kind = text(spec, "kind", row, false);
        organization.put(
                "kindLabel",
                kind == null
                        ? null
                        : enumValue(OrgKind.class, kind, column(spec, "kind")).label());
        organization.put("country", text(spec, "country", row, false));
        organization.put("jurisdiction", jurisdiction(spec.get("jurisdiction"), row, where));
        organization.put("description", text(spec, "description", row, false));
        organization.put(
                "group", spec.get("group") == null ? null : Boolean.valueOf(String.valueOf(spec.get("group"))));
        organization.put("estimatedSize", text(spec, "estimatedSize", row, false));
        organization.put(
                "aliases",
                spec.get("aliases") == null
                        ? null
                        : ImportMapping.list(spec.get("aliases"), where + ".aliases").stream()
                                .map(alias -> Template.of(String.valueOf(alias), where)
                                        .apply(row))
                                .filter(alias -> !alias.isBlank())
                                .toList());
        return organization;
    }

    private @Nullable String jurisdiction(@Nullable Object spec, Map<String, String> row, String where) {
        if (spec == null) {
            return null;
        }
        if (!(spec instanceof Map<?, ?>)) {
            var value = Template.of(String.valueOf(spec), where).apply(row);
            return value.isBlank()
                    ? null
                    : enumValue(Jurisdiction.class, value, "jurisdiction").name();
        }
        var rules = ImportMapping.map(spec, where + ".jurisdiction");
        var subject = Template.of(String.valueOf(rules.get("from")), where).apply(row);
        for (var rule : ImportMapping.maps(rules.get("rules"), where + ".jurisdiction.rules")) {
            try {
                if (Pattern.compile(String.valueOf(rule.get("match")))
                        .matcher(subject)
                        .find()) {
                    return enumValue(Jurisdiction.class, String.valueOf(rule.get("value")), "jurisdiction")
                            .name();
                }
            } catch (PatternSyntaxException ex) {
                throw new MappingException(where + ".jurisdiction.rules: '" + rule.get("match")
                        + "' is not a regular expression: " + ex.getDescription());
            }
        }
        return null;
    }

    /** The same organization from several rows merges; values given twice must agree. */
    private void addOrganization(Map<String, Object> organization, String file, long line) {
        var id = (String) organization.get("id");
        var previous = organizations.putIfAbsent(id, organization);
        if (previous == null) {
            organizationPlaces.put(id, file + " line " + line);
            return;
        }
        var conflicts = new ArrayList<String>();
        organization.forEach((key, value) -> {
            var before = previous.get(key);
            if (value != null && before != null && !before.equals(value)) {
                conflicts.add(key + ": '" + before + "' vs '" + value + "'");
            }
        });
        if (!conflicts.isEmpty()) {
            error(
                    file,
                    line,
                    "id",
                    "organization '" + id + "' is already made by " + organizationPlaces.get(id)
                            + " with different data (" + String.join("; ", conflicts) + ")");
            return;
        }
        organization.forEach((key, value) -> {
            if (value != null) {
                previous.putIfAbsent(key, value);
                if (previous.get(key) == null) {
                    previous.put(key, value);
                }
            }
        });
    }

    private @Nullable Map<String, Object> evaluateFlow(
            Map<String, Object> spec, Map<String, String> row, String sourceId, String file, long line) {
        var flow = new HashMap<String, Object>();
        var id = slug(spec, "id", row);
        flow.put("id", id);
        flow.put("from", end(spec, "from", row, file, line));
        flow.put("to", end(spec, "to", row, file, line));
        if (flow.get("from").equals(flow.get("to"))) {
            throw new RowException(column(spec, "to"), "the flow goes from '" + flow.get("from") + "' to itself");
        }
        var categories = new ArrayList<Map<String, Object>>();
        for (var category : ImportMapping.maps(spec.get("categories"), "categories")) {
            var c = new HashMap<String, Object>();
            c.put("id", slug(category, "id", row));
            c.put("name", text(category, "name", row, false));
            c.put("origin", category.get("origin") == null ? null : slug(category, "origin", row));
            c.put("description", text(category, "description", row, false));
            categories.add(c);
        }
        flow.put("categories", categories);
        flow.put("via", spec.get("via") == null ? null : slug(spec, "via", row));
        flow.put("source", sourceId);
        flow.put("quote", text(spec, "quote", row, true));
        var properties = new LinkedHashMap<String, Object>();
        properties.put(
                "purpose",
                enumValue(Purpose.class, text(spec, "purpose", row, true), column(spec, "purpose"))
                        .name());
        properties.put(
                "accessMethod",
                enumValue(AccessMethod.class, text(spec, "accessMethod", row, true), column(spec, "accessMethod"))
                        .name());
        properties.put(
                "confidence",
                enumValue(Confidence.class, text(spec, "confidence", row, true), column(spec, "confidence"))
                        .name());
        properties.put("realTime", Boolean.valueOf(String.valueOf(spec.getOrDefault("realTime", "false"))));
        var since = date(spec, "since", row);
        var until = date(spec, "until", row);
        if (since != null && until != null && since.first().isAfter(until.last())) {
            throw new RowException(column(spec, "until"), "until " + until + " is before since " + since);
        }
        properties.put("since", since == null ? null : since.text());
        properties.put("until", until == null ? null : until.text());
        properties.put("description", text(spec, "description", row, false));
        if (spec.get("properties") != null) {
            ImportMapping.map(spec.get("properties"), "properties").forEach((key, template) -> {
                try {
                    properties.put(
                            key,
                            Template.of(String.valueOf(template), "properties").applyTyped(row));
                } catch (NumberFormatException ex) {
                    throw new RowException(
                            column(Map.of("x", template), "x"), "'" + ex.getMessage() + "' is not a number");
                }
            });
        }
        flow.put("properties", properties);
        var previous = flowsById.putIfAbsent(id, flow);
        if (previous != null) {
            // The same flow from two rows is one flow (cited once); only its data must agree, not the quote.
            var withoutQuotes = new HashMap<>(previous);
            withoutQuotes.put("quote", flow.get("quote"));
            if (!withoutQuotes.equals(flow)) {
                throw new RowException(
                        column(spec, "id"),
                        "flow '" + id + "' is already made by " + flowPlaces.get(id) + " with different data ("
                                + difference(withoutQuotes, flow) + ")");
            }
            return null; // the same flow twice: once is enough
        }
        flowPlaces.put(id, file + " line " + line);
        return flow;
    }

    /** A published policy; its publisher is an organization found by name (rows whose publisher is unknown are skipped). */
    private Map<String, Object> evaluatePolicy(Map<String, Object> spec, Map<String, String> row, String sourceId) {
        var policy = new HashMap<String, Object>();
        policy.put("id", slug(spec, "id", row));
        policy.put("title", text(spec, "title", row, true));
        var publisher = ImportMapping.map(spec.get("publisher"), "policies.publisher");
        var name = text(publisher, "name", row, true);
        publisherNames.add(name);
        policy.put("publisher", "name:" + name);
        var uses = text(spec, "prohibitedUses", row, false);
        policy.put(
                "prohibitedUses",
                uses == null || uses.equals("NA")
                        ? List.of()
                        : Arrays.stream(uses.split(",\\s*"))
                                .map(String::strip)
                                .filter(u -> !u.isEmpty())
                                .toList());
        policy.put("description", text(spec, "description", row, false));
        var effective = text(spec, "effective", row, false);
        if (effective != null) {
            // Timestamps such as 2023-07-27T12:04:07Z keep their day.
            var day = effective.length() > 10 ? effective.substring(0, 10) : effective;
            try {
                policy.put("effective", PartialDate.parse(day).text());
            } catch (InvalidInputException ex) {
                throw new RowException(column(spec, "effective"), ex.getMessage());
            }
        } else {
            policy.put("effective", null);
        }
        policy.put("url", text(spec, "url", row, false));
        policy.put("quote", text(spec, "quote", row, true));
        policy.put("source", sourceId);
        return policy;
    }

    /** A flow's end: an id (must exist), an organization to make ({id, …}), or one to find by name ({name, kind}). */
    private String end(Map<String, Object> spec, String key, Map<String, String> row, String file, long line) {
        var value = spec.get(key);
        if (value instanceof Map<?, ?>) {
            var end = ImportMapping.map(value, key);
            if (end.get("id") != null) {
                var organization = evaluateOrganization(end, row, key);
                addOrganization(organization, file, line);
                return (String) organization.get("id");
            }
            var name = text(end, "name", row, true);
            var kind = text(end, "kind", row, false);
            byName.putIfAbsent(name, kindOnly(kind, end));
            return "name:" + name;
        }
        var id = slug(spec, key, row);
        references.add(new Reference(id, new RowError(file, line, column(spec, key), "")));
        return id;
    }

    private Map<String, Object> kindOnly(@Nullable String kind, Map<String, Object> spec) {
        var organization = new HashMap<String, Object>();
        organization.put(
                "kindLabel",
                kind == null
                        ? null
                        : enumValue(OrgKind.class, kind, column(spec, "kind")).label());
        return organization;
    }

    /** Organizations asked for by name become the existing one with that name or alias, or a new one. */
    private void resolveNames(List<ImportPlan.TablePlan> tables) {
        var names = new LinkedHashSet<>(byName.keySet());
        names.addAll(publisherNames);
        if (names.isEmpty()) {
            return;
        }
        // Organizations this import makes are found by name first, then the database.
        var known = new HashMap<String, String>();
        var planned = new HashMap<String, String>();
        organizations.values().forEach(o -> {
            if (o.get("name") != null) {
                planned.putIfAbsent(String.valueOf(o.get("name")).toLowerCase(Locale.ROOT), (String) o.get("id"));
            }
        });
        var unplanned = new LinkedHashSet<String>();
        for (var name : names) {
            var id = planned.get(name.toLowerCase(Locale.ROOT));
            if (id != null) {
                known.put(name, id);
            } else {
                unplanned.add(name);
            }
        }
        if (!unplanned.isEmpty()) {
            known.putAll(directory.idsByName(unplanned));
        }
        for (var table : tables) {
            var skippedPolicies = new ArrayList<Map<String, Object>>();
            for (var policy : table.policies()) {
                var name = String.valueOf(policy.get("publisher")).substring("name:".length());
                var id = known.get(name);
                if (id == null) {
                    skippedPolicies.add(policy);
                    table.skipped()
                            .merge(
                                    "policy of '" + name + "', which is no organization of this import or the database",
                                    1L,
                                    Long::sum);
                } else {
                    policy.put("publisher", id);
                }
            }
            table.policies().removeAll(skippedPolicies);
        }
        names.clear();
        names.addAll(byName.keySet());
        var ids = new HashMap<String, String>();
        for (var name : names) {
            var id = known.get(name);
            if (id == null) {
                id = Ids.slugify(name);
                var organization = new HashMap<String, Object>(byName.get(name));
                organization.put("id", id);
                organization.put("name", name);
                organization.put("aliases", null);
                organization.put("country", null);
                organization.put("jurisdiction", null);
                organization.put("description", null);
                organization.put("group", null);
                organization.put("estimatedSize", null);
                organizations.putIfAbsent(id, organization);
            }
            ids.put("name:" + name, id);
        }
        Function<Object, Object> swap = value -> ids.getOrDefault(String.valueOf(value), String.valueOf(value));
        for (var table : tables) {
            for (var flow : table.flows()) {
                flow.put("from", swap.apply(flow.get("from")));
                flow.put("to", swap.apply(flow.get("to")));
            }
        }
        publisherSources.forEach(source -> source.put("publisher", swap.apply(source.get("publisher"))));
    }

    /** Flow ends given as ids must be made by this import or exist already. */
    private void checkReferences() {
        var wanted = new LinkedHashSet<String>();
        references.forEach(reference -> {
            if (!organizations.containsKey(reference.id())) {
                wanted.add(reference.id());
            }
        });
        if (wanted.isEmpty()) {
            return;
        }
        var existing = directory.existingOrganizations(wanted);
        for (var reference : references) {
            if (!organizations.containsKey(reference.id()) && !existing.contains(reference.id())) {
                var place = reference.place();
                error(
                        place.file(),
                        place.line(),
                        place.column(),
                        "no organization '" + reference.id()
                                + "': it is neither made by this import nor in the database");
            }
        }
    }

    private Map<String, Object> source(Map<String, Object> spec, String where) {
        var source = new HashMap<String, Object>();
        source.put("id", Ids.checkSlug(where + ".id", String.valueOf(spec.get("id"))));
        source.put("title", String.valueOf(spec.get("title")));
        source.put(
                "kind",
                enumValue(SourceKind.class, String.valueOf(spec.get("kind")), where + ".kind")
                        .name());
        source.put("url", spec.get("url"));
        source.put(
                "published",
                spec.get("published") == null ? null : checkDate(String.valueOf(spec.get("published")), where));
        source.put(
                "retrieved",
                spec.get("retrieved") == null ? null : checkDate(String.valueOf(spec.get("retrieved")), where));
        source.put("licence", spec.get("licence"));
        source.put("attribution", spec.get("attribution"));
        source.put("publisher", null);
        if (spec.get("publisher") != null) {
            var publisher = ImportMapping.map(spec.get("publisher"), where + ".publisher");
            if (publisher.get("id") != null) {
                var organization = evaluateOrganization(publisher, Map.of(), where + ".publisher");
                addOrganization(organization, "mapping", 0);
                source.put("publisher", organization.get("id"));
            } else {
                var name = String.valueOf(publisher.get("name"));
                byName.putIfAbsent(name, kindOnly(String.valueOf(publisher.get("kind")), publisher));
                source.put("publisher", "name:" + name);
                publisherSources.add(source);
            }
        }
        return source;
    }

    private static String checkDate(String text, String where) {
        try {
            return PartialDate.parse(text).text();
        } catch (InvalidInputException ex) {
            throw new MappingException(where + ": " + ex.getMessage());
        }
    }

    private @Nullable PartialDate date(Map<String, Object> spec, String key, Map<String, String> row) {
        var text = text(spec, key, row, false);
        if (text == null) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (InvalidInputException ex) {
            throw new RowException(column(spec, key), ex.getMessage());
        }
    }

    private String slug(Map<String, Object> spec, String key, Map<String, String> row) {
        var id = text(spec, key, row, true);
        try {
            return Ids.checkSlug(key, id);
        } catch (InvalidInputException ex) {
            throw new RowException(column(spec, key), ex.getMessage());
        }
    }

    /** A template's value for this row; a required one must not come out blank. */
    private static @Nullable String text(
            Map<String, Object> spec, String key, Map<String, String> row, boolean required) {
        var template = spec.get(key);
        if (template == null) {
            if (required) {
                throw new RowException(key, "the mapping gives no '" + key + "'");
            }
            return null;
        }
        var value = Template.of(String.valueOf(template), key).apply(row).strip();
        if (value.isEmpty()) {
            if (required) {
                throw new RowException(column(spec, key), "is empty, but '" + key + "' needs a value");
            }
            return null;
        }
        return value;
    }

    /** The CSV column a field comes from (its first placeholder), or the mapping key for constants. */
    private static String column(Map<String, Object> spec, String key) {
        var template = spec.get(key);
        if (template instanceof String text) {
            var columns = Template.of(text, key).columns();
            if (!columns.isEmpty()) {
                return columns.getFirst();
            }
        }
        return "mapping: " + key;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new RowException(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
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

    private void error(String file, long line, String column, String reason) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(new RowError(file, line, column, reason));
        }
    }
}
