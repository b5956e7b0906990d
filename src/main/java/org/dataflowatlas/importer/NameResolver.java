package org.dataflowatlas.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dataflowatlas.graph.Ids;
import org.jspecify.annotations.Nullable;

/**
 * Organizations the rows name rather than identify: names (and aliases) resolved against the
 * organizations this import makes, then the database, and ids that must be made by this import or
 * exist. Collects while rows are evaluated; resolves once, after the last row.
 */
final class NameResolver {

    private record Reference(String id, RowError place) {}

    // Names to resolve, with the kind the first row that asked gave; a name never found is made.
    private final Map<String, @Nullable String> byName = new LinkedHashMap<>();
    // Policy publishers: names that must already be organizations, in this import or the database.
    private final Set<String> publishers = new LinkedHashSet<>();
    private final List<Reference> references = new ArrayList<>();

    void byName(String name, @Nullable String kindLabel) {
        if (!byName.containsKey(name)) {
            byName.put(name, kindLabel);
        }
    }

    void publisher(String name) {
        publishers.add(name);
    }

    void reference(String id, RowError place) {
        references.add(new Reference(id, place));
    }

    /** Names as ids: those asked for by name and those of policy publishers (absent when none answers). */
    record Resolution(Map<String, String> ids, Map<String, String> publishers) {

        Planned.Ref resolve(Planned.Ref ref) {
            return ref instanceof Planned.ByName named ? new Planned.ById(ids.get(named.name())) : ref;
        }

        @Nullable
        String publisher(String name) {
            return publishers.get(name);
        }
    }

    /**
     * Resolves every name; a name asked for by a flow or a source that answers to nothing becomes a
     * new organization in {@code organizations}, with a slug of the name as its id.
     */
    Resolution resolve(Map<String, Planned.Organization> organizations, ImportPlanner.Directory directory) {
        var names = new LinkedHashSet<>(byName.keySet());
        names.addAll(publishers);
        if (names.isEmpty()) {
            return new Resolution(Map.of(), Map.of());
        }
        // Organizations this import makes are found by name first, then the database.
        var planned = new HashMap<String, String>();
        organizations.values().forEach(o -> planned.putIfAbsent(o.name().toLowerCase(Locale.ROOT), o.id()));
        var known = new HashMap<String, String>();
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
        var ids = new HashMap<String, String>();
        byName.forEach((name, kindLabel) -> {
            var id = known.get(name);
            if (id == null) {
                id = Ids.slugify(name);
                organizations.putIfAbsent(id, Planned.Organization.named(id, name, kindLabel));
            }
            ids.put(name, id);
        });
        return new Resolution(ids, known);
    }

    /** Ids flows and products refer to that are neither made by this import nor in the database, where each was given. */
    List<RowError> unknown(Set<String> made, ImportPlanner.Directory directory) {
        var wanted = new LinkedHashSet<String>();
        references.forEach(reference -> {
            if (!made.contains(reference.id())) {
                wanted.add(reference.id());
            }
        });
        if (wanted.isEmpty()) {
            return List.of();
        }
        var existing = directory.existingOrganizations(wanted);
        var unknown = new ArrayList<RowError>();
        for (var reference : references) {
            if (!made.contains(reference.id()) && !existing.contains(reference.id())) {
                var place = reference.place();
                unknown.add(new RowError(
                        place.file(),
                        place.line(),
                        place.column(),
                        "no organization '" + reference.id()
                                + "': it is neither made by this import nor in the database"));
            }
        }
        return unknown;
    }
}
