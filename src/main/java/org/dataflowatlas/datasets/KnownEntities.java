package org.dataflowatlas.datasets;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;

/**
 * What the database already holds that a dataset may name: organizations and people by every name
 * and alias (as {@link Names#key} keys), and sources by URL. Read once before a plan is made, so the
 * plan can say what it resolved and what it creates.
 */
final class KnownEntities {

    private static final String ORGANIZATIONS = """
            MATCH (o:Organization)
            RETURN o.id AS id, o.name AS name, coalesce(o.aliases, []) AS aliases, coalesce(o.mergedIds, []) AS mergedIds,
                   o.website AS website, labels(o) AS labels
            """;

    private static final String PEOPLE = """
            MATCH (p:Person) RETURN p.id AS id, p.name AS name, coalesce(p.aliases, []) AS aliases
            """;

    private static final String SOURCES = """
            MATCH (s:Source) WHERE s.url IS NOT NULL RETURN s.id AS id, s.url AS url
            """;

    final Map<String, Set<String>> organizationsByName = new HashMap<>();
    final Map<String, String> organizationNames = new HashMap<>();
    final Map<String, List<String>> organizationAliases = new HashMap<>();
    final Map<String, OrgKind> organizationKinds = new HashMap<>();
    final Set<String> organizationIds = new LinkedHashSet<>();
    final Map<String, Set<String>> peopleByName = new HashMap<>();
    final Set<String> personIds = new LinkedHashSet<>();
    final Map<String, String> sourcesByUrl = new HashMap<>();
    final Set<String> sourceIds = new LinkedHashSet<>();
    final Map<String, Set<String>> organizationsByWebsite = new HashMap<>();

    static KnownEntities read(Driver driver) {
        var known = new KnownEntities();
        try (var session = driver.session()) {
            session.executeRead(tx -> {
                tx.run(ORGANIZATIONS).forEachRemaining(row -> {
                    var id = row.get("id").asString();
                    known.organizationIds.add(id);
                    var name = row.get("name").asString(id);
                    known.organizationNames.put(id, name);
                    known.addOrganizationName(name, id);
                    var kind = OrgKind.of(row.get("labels").asList(value -> value.asString()));
                    if (kind != null) {
                        known.organizationKinds.put(id, kind);
                    }
                    var aliases = row.get("aliases").asList(value -> value.asString());
                    known.organizationAliases.put(id, aliases);
                    aliases.forEach(alias -> known.addOrganizationName(alias, id));
                    var website = row.get("website").asString(null);
                    if (website != null) {
                        known.organizationsByWebsite
                                .computeIfAbsent(website, k -> new LinkedHashSet<>())
                                .add(id);
                    }
                });
                tx.run(PEOPLE).forEachRemaining(row -> {
                    var id = row.get("id").asString();
                    known.personIds.add(id);
                    known.peopleByName
                            .computeIfAbsent(Names.key(row.get("name").asString(id)), k -> new LinkedHashSet<>())
                            .add(id);
                    row.get("aliases")
                            .asList(value -> value.asString())
                            .forEach(alias -> known.peopleByName
                                    .computeIfAbsent(Names.key(alias), k -> new LinkedHashSet<>())
                                    .add(id));
                });
                tx.run(SOURCES).forEachRemaining(row -> {
                    known.sourcesByUrl.putIfAbsent(
                            row.get("url").asString(), row.get("id").asString());
                });
                tx.run("MATCH (s:Source) RETURN s.id AS id")
                        .forEachRemaining(
                                row -> known.sourceIds.add(row.get("id").asString()));
                return null;
            });
        }
        return known;
    }

    void addOrganizationName(String name, String id) {
        organizationsByName
                .computeIfAbsent(Names.key(name), k -> new LinkedHashSet<>())
                .add(id);
    }

    /** The organizations of the database with one of these names or aliases. */
    Set<String> organizations(List<String> names) {
        var found = new LinkedHashSet<String>();
        for (var name : names) {
            found.addAll(organizationsByName.getOrDefault(Names.key(name), Set.of()));
        }
        return found;
    }

    /** The kind of an organization of the database, or null when it has none. */
    @Nullable
    OrgKind kindOf(String organizationId) {
        return organizationKinds.get(organizationId);
    }

    Set<String> people(List<String> names) {
        var found = new LinkedHashSet<String>();
        for (var name : names) {
            found.addAll(peopleByName.getOrDefault(Names.key(name), Set.of()));
        }
        return found;
    }

    @Nullable
    String sourceWithUrl(String url) {
        return sourcesByUrl.get(url);
    }
}
