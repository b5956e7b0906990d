package org.dataflowatlas.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.AccessMethod;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.importer.ImportMapping.DerivedJurisdiction;
import org.dataflowatlas.importer.ImportMapping.End;
import org.dataflowatlas.importer.ImportMapping.EndById;
import org.dataflowatlas.importer.ImportMapping.EndByName;
import org.dataflowatlas.importer.ImportMapping.EndMade;
import org.dataflowatlas.importer.ImportMapping.FixedJurisdiction;
import org.dataflowatlas.importer.ImportMapping.FlowSpec;
import org.dataflowatlas.importer.ImportMapping.JurisdictionSpec;
import org.dataflowatlas.importer.ImportMapping.OrganizationSpec;
import org.dataflowatlas.importer.ImportMapping.PolicySpec;
import org.dataflowatlas.importer.ImportMapping.SkipRule;
import org.dataflowatlas.importer.ImportMapping.SourceSpec;
import org.jspecify.annotations.Nullable;

/**
 * Evaluates a mapping's compiled templates against one row: ids, enum values, dates and numbers
 * are checked here, and a value that fails throws {@link RowException} naming its column. What a
 * row asks of the rest of the import (organizations it makes, names and ids it refers to) is
 * handed to the {@link Needs} as it is met.
 */
final class RowEvaluator {

    /** What evaluating a row asks of the plan, in the order the row asks it. */
    interface Needs {
        /** An organization the row (or the mapping) makes. */
        void organization(Planned.Organization organization, String file, long line);

        /** An organization to find by name or alias, or to make if there is none. */
        void byName(String name, @Nullable String kindLabel);

        /** An organization that must be made by this import or be in the database. */
        void reference(String id, RowError place);

        /** A policy publisher, which must be found by name. */
        void publisher(String name);
    }

    private final Needs needs;

    RowEvaluator(Needs needs) {
        this.needs = needs;
    }

    /** The reason a skip rule gives for leaving the row out, if one matches. */
    static @Nullable String skipReason(List<SkipRule> rules, Row row) {
        for (var rule : rules) {
            if (rule.in().contains(rule.when().apply(row))) {
                return rule.reason();
            }
        }
        return null;
    }

    Planned.Organization organization(OrganizationSpec spec, Row row) {
        var kind = spec.kind();
        return new Planned.Organization(
                slug(spec.id(), "id", row),
                required(spec.name(), "name", row),
                kind == null ? null : kind.label(),
                optional(spec.country(), "country", row),
                jurisdiction(spec.jurisdiction(), row),
                optional(spec.description(), "description", row),
                spec.group(),
                optional(spec.estimatedSize(), "estimatedSize", row),
                spec.aliases() == null
                        ? null
                        : spec.aliases().stream()
                                .map(alias -> alias.apply(row))
                                .filter(alias -> !alias.isBlank())
                                .toList());
    }

    private static @Nullable String jurisdiction(@Nullable JurisdictionSpec spec, Row row) {
        return switch (spec) {
            case null -> null;
            case FixedJurisdiction fixed -> fixed.value().name();
            case DerivedJurisdiction derived -> {
                var subject = derived.from().apply(row);
                for (var rule : derived.rules()) {
                    if (rule.match().matcher(subject).find()) {
                        yield rule.value().name();
                    }
                }
                yield null;
            }
        };
    }

    /** A flow of one row; {@code file} and {@code line} place the ids it refers to. */
    Planned.Flow flow(FlowSpec spec, Row row, String sourceId, String file, long line) {
        var id = slug(spec.id(), "id", row);
        var from = end(spec.from(), "from", row, file, line);
        var to = end(spec.to(), "to", row, file, line);
        if (from.equals(to)) {
            throw new RowException(column(spec.to(), "to"), "the flow goes from '" + from.text() + "' to itself");
        }
        var categories = new ArrayList<Planned.Category>();
        for (var category : spec.categories()) {
            categories.add(new Planned.Category(
                    slug(category.id(), "id", row),
                    optional(category.name(), "name", row),
                    category.origin() == null ? null : slug(category.origin(), "origin", row),
                    optional(category.description(), "description", row)));
        }
        var via = spec.via() == null ? null : slug(spec.via(), "via", row);
        var quote = required(spec.quote(), "quote", row);
        var properties = new LinkedHashMap<String, @Nullable Object>();
        properties.put(
                "purpose",
                enumValue(
                                Purpose.class,
                                required(spec.purpose(), "purpose", row),
                                spec.purpose().column("purpose"))
                        .name());
        properties.put(
                "accessMethod",
                enumValue(
                                AccessMethod.class,
                                required(spec.accessMethod(), "accessMethod", row),
                                spec.accessMethod().column("accessMethod"))
                        .name());
        properties.put(
                "confidence",
                enumValue(
                                Confidence.class,
                                required(spec.confidence(), "confidence", row),
                                spec.confidence().column("confidence"))
                        .name());
        properties.put("realTime", spec.realTime());
        var since = date(spec.since(), "since", row);
        var until = date(spec.until(), "until", row);
        if (since != null && until != null && since.first().isAfter(until.last())) {
            throw new RowException(spec.until().column("until"), "until " + until + " is before since " + since);
        }
        properties.put("since", since == null ? null : since.text());
        properties.put("until", until == null ? null : until.text());
        properties.put("description", optional(spec.description(), "description", row));
        spec.properties().forEach((key, template) -> {
            try {
                properties.put(key, template.applyTyped(row));
            } catch (NumberFormatException ex) {
                throw new RowException(template.column("x"), "'" + ex.getMessage() + "' is not a number");
            }
        });
        return new Planned.Flow(id, from, to, List.copyOf(categories), via, sourceId, quote, properties);
    }

    /** A published policy; its publisher is an organization found by name (rows whose publisher is unknown are skipped). */
    Planned.Policy policy(PolicySpec spec, Row row, String sourceId) {
        var id = slug(spec.id(), "id", row);
        var title = required(spec.title(), "title", row);
        var publisher = required(spec.publisher(), "name", row);
        needs.publisher(publisher);
        var uses = optional(spec.prohibitedUses(), "prohibitedUses", row);
        var description = optional(spec.description(), "description", row);
        var text = optional(spec.effective(), "effective", row);
        String effective = null;
        if (text != null) {
            // Timestamps such as 2023-07-27T12:04:07Z keep their day.
            var day = text.length() > 10 ? text.substring(0, 10) : text;
            try {
                effective = PartialDate.parse(day).text();
            } catch (InvalidInputException ex) {
                throw new RowException(spec.effective().column("effective"), ex.getMessage());
            }
        }
        return new Planned.Policy(
                id,
                title,
                publisher,
                uses == null || uses.equals("NA")
                        ? List.of()
                        : Arrays.stream(uses.split(",\\s*"))
                                .map(String::strip)
                                .filter(u -> !u.isEmpty())
                                .toList(),
                description,
                effective,
                optional(spec.url(), "url", row),
                required(spec.quote(), "quote", row),
                sourceId);
    }

    /** A flow's end: an id (must exist), an organization to make, or one to find by name. */
    private Planned.Ref end(End end, String key, Row row, String file, long line) {
        return switch (end) {
            case EndMade made -> {
                var organization = organization(made.organization(), row);
                needs.organization(organization, file, line);
                yield new Planned.ById(organization.id());
            }
            case EndByName named -> {
                var name = required(named.name(), "name", row);
                needs.byName(name, named.kind() == null ? null : named.kind().label());
                yield new Planned.ByName(name);
            }
            case EndById byId -> {
                var id = slug(byId.id(), key, row);
                needs.reference(id, new RowError(file, line, byId.id().column(key), ""));
                yield new Planned.ById(id);
            }
        };
    }

    /** A mapping's Source; its ids and dates are the mapping's own, so a bad one is a mapping mistake. */
    Planned.Source source(SourceSpec spec) {
        var where = spec.where();
        Planned.Ref publisher = null;
        switch (spec.publisher()) {
            case null -> {}
            case EndMade made -> {
                var organization = organization(made.organization(), Row.NONE);
                needs.organization(organization, "mapping", 0);
                publisher = new Planned.ById(organization.id());
            }
            case EndByName named -> {
                var name = named.name().apply(Row.NONE);
                needs.byName(name, named.kind() == null ? null : named.kind().label());
                publisher = new Planned.ByName(name);
            }
            case EndById byId -> throw new IllegalStateException("a source's publisher is made or found by name");
        }
        return new Planned.Source(
                Ids.checkSlug(where + ".id", spec.id()),
                spec.title(),
                spec.kind().name(),
                spec.url(),
                spec.published() == null ? null : checkDate(spec.published(), where),
                spec.retrieved() == null ? null : checkDate(spec.retrieved(), where),
                spec.licence(),
                spec.attribution(),
                publisher);
    }

    private static String checkDate(String text, String where) {
        try {
            return PartialDate.parse(text).text();
        } catch (InvalidInputException ex) {
            throw new MappingException(where + ": " + ex.getMessage());
        }
    }

    private static @Nullable PartialDate date(@Nullable Template template, String key, Row row) {
        var text = optional(template, key, row);
        if (text == null) {
            return null;
        }
        try {
            return PartialDate.parse(text);
        } catch (InvalidInputException ex) {
            throw new RowException(template.column(key), ex.getMessage());
        }
    }

    private static String slug(Template template, String key, Row row) {
        var id = required(template, key, row);
        try {
            return Ids.checkSlug(key, id);
        } catch (InvalidInputException ex) {
            throw new RowException(template.column(key), ex.getMessage());
        }
    }

    /** A template's value for this row, which must not come out blank. */
    private static String required(Template template, String key, Row row) {
        var value = template.apply(row).strip();
        if (value.isEmpty()) {
            throw new RowException(template.column(key), "is empty, but '" + key + "' needs a value");
        }
        return value;
    }

    private static @Nullable String optional(@Nullable Template template, String key, Row row) {
        if (template == null) {
            return null;
        }
        var value = template.apply(row).strip();
        return value.isEmpty() ? null : value;
    }

    /** The CSV column an end comes from, or the mapping key for an end written as an organization. */
    private static String column(End end, String key) {
        return end instanceof EndById byId ? byId.id().column(key) : "mapping: " + key;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String column) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw new RowException(column, "'" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
