package org.dataflowatlas.datasets;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a timeline of reported events (JSON lines: id, date, title, summary, actors, sources) through
 * an events mapping ({@code cypher/import/surveillance-events.yaml}). Every line is read and checked
 * first, and every actor resolved, before anything is written; any problem is reported by line and
 * nothing is written. Then everything goes in one transaction. Writes fill in what is missing and
 * never overwrite, so importing the same file again creates nothing.
 */
@Component
public class EventsImporter {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> TOP = Set.of(
            "format",
            "name",
            "file",
            "entry",
            "sourceKinds",
            "organizations",
            "people",
            "leftAside",
            "kindRules",
            "description");
    private static final Set<String> ENTRY = Set.of("idPrefix", "url", "kind", "licence", "attribution");
    private static final Set<String> ORGANIZATION =
            Set.of("id", "name", "kind", "jurisdiction", "country", "aliases", "description");
    private static final Set<String> PERSON = Set.of("id", "name", "aliases");
    private static final Set<String> LEFT_ASIDE = Set.of("actor", "reason");
    private static final Set<String> KIND_RULE = Set.of("match", "kind", "jurisdiction");
    private static final Set<String> SOURCE_KIND = Set.of("match", "kind");

    static final String ORGANIZATIONS_WRITE = """
            UNWIND $rows AS row
            MERGE (o:Organization {id: row.id})
            SET o.name = coalesce(o.name, row.name),
                o.aliases = coalesce(o.aliases, row.aliases),
                o.country = coalesce(o.country, row.country),
                o.jurisdiction = coalesce(o.jurisdiction, row.jurisdiction),
                o.description = coalesce(o.description, row.description),
                o.website = coalesce(o.website, row.website),
                o.inferred = coalesce(o.inferred, row.inferred),
                o.inferredBecause = coalesce(o.inferredBecause, row.inferredBecause)
            WITH o, row WHERE row.kindLabel IS NOT NULL AND none(label IN labels(o) WHERE label IN $kindLabels)
            SET o:$(row.kindLabel)
            """;

    private static final String PEOPLE_WRITE = """
            UNWIND $rows AS row
            MERGE (p:Person {id: row.id})
            SET p.name = coalesce(p.name, row.name), p.aliases = coalesce(p.aliases, row.aliases)
            """;

    static final String SOURCES_WRITE = """
            UNWIND $rows AS row
            MERGE (s:Source {id: row.id})
            SET s.title = coalesce(s.title, row.title), s.kind = coalesce(s.kind, row.kind),
                s.url = coalesce(s.url, row.url), s.published = coalesce(s.published, row.published),
                s.text = coalesce(s.text, row.text), s.description = coalesce(s.description, row.description),
                s.licence = coalesce(s.licence, row.licence), s.attribution = coalesce(s.attribution, row.attribution),
                s.inferred = coalesce(s.inferred, row.inferred), s.inferredBecause = coalesce(s.inferredBecause, row.inferredBecause)
            WITH s, row WHERE row.publisher IS NOT NULL
            MATCH (o:Organization {id: row.publisher})
            MERGE (s)-[:PUBLISHED_BY]->(o)
            """;

    // Each referenced entity carries the label it was resolved to; the summary is quoted from the
    // timeline entry (whose text the graph holds), the sources it cites are evidence without a quote.
    private static final String EVENTS_WRITE = """
            UNWIND $rows AS row
            MERGE (e:Event {id: row.id})
            SET e.title = coalesce(e.title, row.title), e.date = coalesce(e.date, row.date),
                e.description = coalesce(e.description, row.description), e.tags = coalesce(e.tags, row.tags)
            WITH e, row
            CALL (e, row) {
              UNWIND row.involves AS ref
              MATCH (n:$(ref.label) {id: ref.id})
              MERGE (e)-[:INVOLVES]->(n)
            }
            CALL (e, row) {
              MATCH (entry:Source {id: row.entry})
              FOREACH (quote IN CASE WHEN row.quote IS NULL THEN [] ELSE [row.quote] END |
                MERGE (e)-[:EVIDENCED_BY {quote: quote}]->(entry))
              FOREACH (ignored IN CASE WHEN row.quote IS NULL THEN [1] ELSE [] END |
                MERGE (e)-[:EVIDENCED_BY]->(entry))
              WITH entry
              UNWIND row.cited AS citedId
              MATCH (cited:Source {id: citedId})
              MERGE (entry)-[:CITES]->(cited)
              MERGE (e)-[:EVIDENCED_BY]->(cited)
            }
            """;

    private static final Pattern HTTP = Pattern.compile("https?://([^/\\s?#]+)");

    private final Driver driver;

    EventsImporter(Driver driver) {
        this.driver = driver;
    }

    /** An entity an actor or publisher resolves to, and how (for the report). */
    private record Target(String label, String id, String how) {}

    private record KindRule(
            Pattern match, @Nullable OrgKind kind, @Nullable Jurisdiction jurisdiction) {}

    private record SourceKindRule(Pattern match, SourceKind kind) {}

    /** What the file will write, once every line has been checked. */
    private static final class Plan {
        final List<String> errors = new ArrayList<>();
        final Map<String, Map<String, Object>> organizations = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> people = new LinkedHashMap<>();
        final Map<String, Map<String, Object>> sources = new LinkedHashMap<>();
        final List<Map<String, Object>> events = new ArrayList<>();
        final Map<String, Target> resolved = new HashMap<>();
        final Map<String, String> leftAside = new HashMap<>();
        final Map<String, Long> leftAsideCounts = new TreeMap<>();
        final Map<String, String> decisions = new TreeMap<>();
        final Map<String, String> sourcesByUrl = new HashMap<>();
        final Map<String, Map<String, Object>> tableOrganizations = new HashMap<>();
        final Map<String, Map<String, Object>> tablePeople = new HashMap<>();
        final Set<String> existingUsed = new java.util.TreeSet<>();
        boolean counting;
        long lines;
        long involvements;
        long citations;

        /** An entity an event names: the alias table's entries are written only once something names them. */
        Target use(Target target) {
            var organization = tableOrganizations.get(target.id());
            var person = tablePeople.get(target.id());
            if (target.label().equals("Organization") && organization != null) {
                organizations.putIfAbsent(target.id(), organization);
            } else if (target.label().equals("Person") && person != null) {
                people.putIfAbsent(target.id(), person);
            } else if (!organizations.containsKey(target.id())
                    || !target.label().equals("Organization")) {
                existingUsed.add(target.label() + " " + target.id());
            }
            return target;
        }

        void error(String file, int line, String reason) {
            var error = file + ":" + line + ": " + reason;
            if (errors.size() < DatasetImportSummary.MAX_ERRORS && !errors.contains(error)) {
                errors.add(error);
            }
        }
    }

    /** Imports the file the mapping names, from a folder (or the file itself). */
    public DatasetImportSummary run(String mappingName, Path path, boolean dryRun, PrintWriter progress) {
        long started = System.nanoTime();
        var mapping = DatasetMapping.load(mappingName, "events");
        var top = mapping.top();
        mapping.allow(top, TOP, "the top level");
        var fileName = mapping.text(top, "file", "");
        var file = Files.isDirectory(path) ? path.resolve(fileName) : path;
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new InvalidInputException("Cannot read " + file + " (" + ex.getMessage()
                    + "); give the folder holding " + fileName + " or the file itself.");
        }
        progress.printf("Reading and checking %s against %s…%n", file, mapping.where());
        progress.flush();
        var known = KnownEntities.read(driver);
        var plan = new Plan();
        plan(mapping, known, file.getFileName().toString(), text, plan, progress);
        var imported = new LinkedHashMap<String, Long>();
        imported.put("events", (long) plan.events.size());
        imported.put("organizations created", (long) plan.organizations.size());
        imported.put("people created", (long) plan.people.size());
        imported.put("organizations and people already in the graph that actors or publishers name", (long)
                plan.existingUsed.size());
        imported.put("sources (one per timeline entry, with its summary as text, and the sources they cite)", (long)
                plan.sources.size());
        imported.put("involvements (INVOLVES)", plan.involvements);
        imported.put("citations of sources by entries", plan.citations);
        var report = new ArrayList<String>();
        plan.leftAsideCounts.forEach(
                (reason, count) -> report.add("left aside " + count + " actor mentions: " + reason));
        if (dryRun) {
            report.add("how each actor and publisher was read:");
            plan.decisions.forEach((name, decision) -> report.add("  '" + name + "' " + decision));
        }
        String what = "events " + file + " (mapping " + mapping.where() + ")";
        if (!plan.errors.isEmpty() || dryRun) {
            return new DatasetImportSummary(
                    what,
                    dryRun,
                    plan.lines,
                    imported,
                    plan.errors.isEmpty() ? report : List.of(),
                    0,
                    0,
                    0,
                    Duration.ofNanos(System.nanoTime() - started),
                    plan.errors);
        }
        progress.printf(
                "Writing %d events, %d sources and %d organizations in one transaction…%n",
                plan.events.size(), plan.sources.size(), plan.organizations.size());
        progress.flush();
        var counters = new long[3];
        var kindLabels = Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();
        var ids = new ArrayList<String>();
        plan.events.forEach(row -> ids.add((String) row.get("id")));
        var audit = AuditTrail.parameters(Actor.current(), "import:events", ids, mapping.where());
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                Writes.run(
                        tx,
                        counters,
                        ORGANIZATIONS_WRITE,
                        Map.of("rows", List.copyOf(plan.organizations.values()), "kindLabels", kindLabels));
                Writes.run(tx, counters, PEOPLE_WRITE, Map.of("rows", List.copyOf(plan.people.values())));
                Writes.run(tx, counters, SOURCES_WRITE, Map.of("rows", List.copyOf(plan.sources.values())));
                Writes.run(tx, counters, EVENTS_WRITE, Map.of("rows", plan.events));
                // Sources' dates feed the evidence dates of any flow they evidence.
                Lineage.refreshSources(
                        (cypher, parameters) -> tx.run(cypher, parameters).consume(),
                        List.copyOf(plan.sources.keySet()));
                tx.run(AuditTrail.RECORD, audit).consume();
            });
        }
        progress.printf("  written%n");
        return new DatasetImportSummary(
                what,
                false,
                plan.lines,
                imported,
                report,
                counters[0],
                counters[1],
                counters[2],
                Duration.ofNanos(System.nanoTime() - started),
                List.of());
    }

    private static void plan(
            DatasetMapping mapping,
            KnownEntities known,
            String fileName,
            String text,
            Plan plan,
            PrintWriter progress) {
        var top = mapping.top();
        var entry = mapping.map(top, "entry");
        mapping.allow(entry, ENTRY, "entry");
        var entryPrefix = mapping.text(entry, "idPrefix", "entry");
        var entryUrl = mapping.text(entry, "url", "entry");
        var entryKind = mapping.enumValue(entry, "kind", SourceKind.class, "entry");
        var licence = mapping.optionalText(entry, "licence", "entry");
        var attribution = mapping.optionalText(entry, "attribution", "entry");
        var sourceKinds = new ArrayList<SourceKindRule>();
        var sourceKindList = mapping.list(top, "sourceKinds");
        for (int i = 0; i < sourceKindList.size(); i++) {
            var rule = sourceKindList.get(i);
            var place = "sourceKinds[" + i + "]";
            mapping.allow(rule, SOURCE_KIND, place);
            var kind = mapping.enumValue(rule, "kind", SourceKind.class, place);
            if (kind == null) {
                throw mapping.error(place + ".kind", "is required");
            }
            sourceKinds.add(new SourceKindRule(mapping.pattern(rule, "match", place), kind));
        }
        var kindRules = new ArrayList<KindRule>();
        var kindRuleList = mapping.list(top, "kindRules");
        for (int i = 0; i < kindRuleList.size(); i++) {
            var rule = kindRuleList.get(i);
            var place = "kindRules[" + i + "]";
            mapping.allow(rule, KIND_RULE, place);
            kindRules.add(new KindRule(
                    mapping.pattern(rule, "match", place),
                    mapping.enumValue(rule, "kind", OrgKind.class, place),
                    mapping.enumValue(rule, "jurisdiction", Jurisdiction.class, place)));
        }
        var table = new HashMap<String, Target>();
        aliasTable(mapping, known, plan, table);
        var leftAsideList = mapping.list(top, "leftAside");
        for (int i = 0; i < leftAsideList.size(); i++) {
            var item = leftAsideList.get(i);
            mapping.allow(item, LEFT_ASIDE, "leftAside[" + i + "]");
            plan.leftAside.put(
                    Names.key(mapping.text(item, "actor", "leftAside[" + i + "]")),
                    mapping.text(item, "reason", "leftAside[" + i + "]"));
        }

        var seenIds = new HashMap<String, Integer>();
        var raw = text.split("\n", -1);
        // Actors first, over the whole file, so a name is read by the actor rules even where an earlier
        // line names it as a publisher.
        for (int i = 0; i < raw.length; i++) {
            try {
                var node = JSON.readTree(raw[i].strip());
                var actors = node != null && node.isObject() ? strings(node, "actors") : null;
                for (var actor : actors == null ? List.<String>of() : actors) {
                    actor(actor, fileName, i + 1, known, table, kindRules, plan);
                }
            } catch (JacksonException ex) {
                // reported by the line's own check below
            }
        }
        plan.counting = true;
        for (int i = 0; i < raw.length; i++) {
            var lineText = raw[i].strip();
            int number = i + 1;
            if (lineText.isEmpty()) {
                continue;
            }
            plan.lines++;
            if (number % 50 == 0) {
                progress.printf("  %d lines checked%n", number);
                progress.flush();
            }
            JsonNode node;
            try {
                node = JSON.readTree(lineText);
            } catch (JacksonException ex) {
                plan.error(
                        fileName,
                        number,
                        "not a JSON object (" + ex.getOriginalMessage() + "); the file holds one"
                                + " event {\"id\", \"date\", \"title\", \"summary\", \"actors\", \"sources\"} per line");
                continue;
            }
            if (!node.isObject()) {
                plan.error(fileName, number, "not a JSON object; the file holds one event per line");
                continue;
            }
            int errorsBefore = plan.errors.size();
            var datasetId = string(node, "id");
            var title = string(node, "title");
            var date = string(node, "date");
            if (datasetId == null || datasetId.isBlank()) {
                plan.error(fileName, number, "missing \"id\": every event needs a non-empty string id");
                continue;
            }
            var id = Ids.slugify(datasetId);
            var earlier = seenIds.putIfAbsent(id, number);
            if (earlier != null) {
                plan.error(
                        fileName,
                        number,
                        "event '" + datasetId + "' has the same id as the event on line " + earlier
                                + " (ids are compared as slugs: '" + id + "'); give one of them another id");
            }
            if (title == null || title.isBlank()) {
                plan.error(fileName, number, "event '" + datasetId + "' has no \"title\"");
            }
            if (date == null) {
                plan.error(
                        fileName,
                        number,
                        "event '" + datasetId + "' has no \"date\" (write it YYYY, YYYY-MM or YYYY-MM-DD)");
            } else {
                try {
                    PartialDate.parse(date);
                } catch (InvalidInputException ex) {
                    plan.error(fileName, number, "event '" + datasetId + "': \"date\" " + ex.getMessage());
                }
            }
            var summary = string(node, "summary");
            var actors = strings(node, "actors");
            if (actors == null) {
                plan.error(fileName, number, "event '" + datasetId + "': \"actors\" must be a list of strings");
            }
            var sourcesNode = node.get("sources");
            if (sourcesNode == null || !sourcesNode.isArray() || sourcesNode.isEmpty()) {
                plan.error(
                        fileName,
                        number,
                        "event '" + datasetId + "' has no \"sources\": every event needs at least"
                                + " one source {\"title\", \"url\", \"publisher\", \"date\"}");
            }
            var path = string(node, "path");
            if (path == null || path.isBlank()) {
                plan.error(
                        fileName,
                        number,
                        "event '" + datasetId + "' has no \"path\" (its file in the timeline's"
                                + " repository, which the entry's source links to)");
            }
            if (plan.errors.size() > errorsBefore) {
                continue;
            }
            var cited = new ArrayList<String>();
            int s = 0;
            for (var sourceNode : sourcesNode) {
                var where = "event '" + datasetId + "': sources[" + s++ + "]";
                var sourceId = citedSource(sourceNode, where, fileName, number, known, table, sourceKinds, plan);
                if (sourceId != null && !cited.contains(sourceId)) {
                    cited.add(sourceId);
                }
            }
            var involves = new ArrayList<Map<String, Object>>();
            for (var actor : actors) {
                var target = actor(actor, fileName, number, known, table, kindRules, plan);
                if (target != null
                        && involves.stream()
                                .noneMatch(ref -> ref.get("id").equals(target.id())
                                        && ref.get("label").equals(target.label()))) {
                    involves.add(Map.of("label", target.label(), "id", target.id()));
                }
            }
            if (plan.errors.size() > errorsBefore) {
                continue;
            }
            var entryId = Ids.slugify(entryPrefix + datasetId);
            var entrySource = new HashMap<String, Object>();
            entrySource.put("id", entryId);
            entrySource.put("title", "Capture Cascade Timeline entry: " + title);
            entrySource.put("kind", entryKind == null ? SourceKind.DATASET.name() : entryKind.name());
            entrySource.put("url", entryUrl.replace("{path}", path));
            entrySource.put("text", summary == null || summary.isBlank() ? null : summary);
            entrySource.put(
                    "description",
                    "The timeline's entry for this event; the text held is the first paragraph of its body, as the"
                            + " dataset gives it. The sources it cites are linked as cited (their text is not held).");
            entrySource.put("licence", licence);
            entrySource.put("attribution", attribution);
            plan.sources.put(entryId, entrySource);
            var row = new HashMap<String, Object>();
            row.put("id", id);
            row.put("title", title);
            row.put("date", date);
            row.put("description", summary == null || summary.isBlank() ? null : summary);
            row.put("tags", strings(node, "tags"));
            row.put("involves", involves);
            row.put("entry", entryId);
            row.put("quote", summary == null || summary.isBlank() ? null : summary);
            row.put("cited", cited);
            plan.events.add(row);
            plan.involvements += involves.size();
            plan.citations += cited.size();
        }
    }

    /** The reviewed alias table: each entry resolves to what the database has, or becomes a new entity. */
    private static void aliasTable(DatasetMapping mapping, KnownEntities known, Plan plan, Map<String, Target> table) {
        var top = mapping.top();
        var organizations = mapping.list(top, "organizations");
        for (int i = 0; i < organizations.size(); i++) {
            var entry = organizations.get(i);
            var place = "organizations[" + i + "]";
            mapping.allow(entry, ORGANIZATION, place);
            var id = Ids.checkSlug(place + ".id", mapping.text(entry, "id", place));
            var name = mapping.optionalText(entry, "name", place);
            var names = new ArrayList<String>();
            if (name != null) {
                names.add(name);
            }
            names.addAll(mapping.texts(entry, "aliases", place));
            var kind = mapping.enumValue(entry, "kind", OrgKind.class, place);
            var jurisdiction = mapping.enumValue(entry, "jurisdiction", Jurisdiction.class, place);
            Target target;
            if (known.organizationIds.contains(id)) {
                target = new Target("Organization", id, "alias table: the organization '" + id + "' of the graph");
            } else {
                var existing = known.organizations(names);
                if (existing.size() > 1) {
                    throw mapping.error(
                            place,
                            "names " + names + ", which are the names of several organizations of the" + " graph "
                                    + existing + "; list the one meant by its id");
                }
                var found = existing.size() == 1 ? existing.iterator().next() : null;
                var foundKind = found == null ? null : known.kindOf(found);
                var apart = "";
                if (kind != null && foundKind != null && foundKind != kind) {
                    // One name, two kinds: the graph's namesake may be another body or the same one filed
                    // under another kind. A reviewer decides; the import keeps them apart and says so.
                    apart = ", apart from '" + found + "' of the graph, which has the same name but is " + foundKind
                            + " (mergeOrganizations joins them if they are one)";
                    found = null;
                }
                if (found != null) {
                    target = new Target(
                            "Organization",
                            found,
                            "alias table: resolved by name to '" + found + "', already in the graph");
                } else if (name == null) {
                    throw mapping.error(
                            place,
                            "'" + id + "' is no organization of the graph, and the entry has no"
                                    + " name to create it with; give it a name and a kind");
                } else {
                    target = new Target(
                            "Organization",
                            id,
                            "alias table: created as " + (kind == null ? "an organization without a kind" : kind)
                                    + apart);
                    var row = new HashMap<String, Object>();
                    row.put("id", id);
                    row.put("name", name);
                    row.put("aliases", List.copyOf(names.subList(1, names.size())));
                    row.put("country", mapping.optionalText(entry, "country", place));
                    row.put("jurisdiction", jurisdiction == null ? null : jurisdiction.name());
                    row.put("description", mapping.optionalText(entry, "description", place));
                    row.put("kindLabel", kind == null ? null : kind.label());
                    if (kind != null) {
                        inferred(
                                row,
                                "kind",
                                "The timeline names " + name + " as an actor and does not say what kind"
                                        + " of organization it is; " + kind
                                        + " is the reading of the reviewed alias table in "
                                        + mapping.where() + ".");
                    }
                    plan.tableOrganizations.put(id, row);
                }
            }
            names.add(id);
            for (var each : names) {
                var earlier = table.put(Names.key(each), target);
                if (earlier != null && !earlier.id().equals(target.id())) {
                    throw mapping.error(
                            place,
                            "lists '" + each + "', which another entry already gives to '" + earlier.id()
                                    + "'; a name belongs to one organization");
                }
            }
        }
        var people = mapping.list(top, "people");
        for (int i = 0; i < people.size(); i++) {
            var entry = people.get(i);
            var place = "people[" + i + "]";
            mapping.allow(entry, PERSON, place);
            var name = mapping.text(entry, "name", place);
            var id = Ids.checkSlug(
                    place + ".id",
                    mapping.optionalText(entry, "id", place) == null
                            ? Ids.slugify(name)
                            : mapping.text(entry, "id", place));
            var names = new ArrayList<String>(List.of(name));
            names.addAll(mapping.texts(entry, "aliases", place));
            var existing = known.people(names);
            Target target;
            if (known.personIds.contains(id)) {
                target = new Target("Person", id, "people table: the person '" + id + "' of the graph");
            } else if (existing.size() == 1) {
                var found = existing.iterator().next();
                target = new Target(
                        "Person", found, "people table: resolved by name to '" + found + "', already in the graph");
            } else if (existing.size() > 1) {
                throw mapping.error(
                        place,
                        "names " + names + ", the names of several people of the graph " + existing
                                + "; give the id of the one meant");
            } else {
                target = new Target("Person", id, "people table: created as a person");
                var row = new HashMap<String, Object>();
                row.put("id", id);
                row.put("name", name);
                row.put("aliases", names.size() > 1 ? List.copyOf(names.subList(1, names.size())) : null);
                plan.tablePeople.put(id, row);
            }
            for (var each : names) {
                var earlier = table.put(Names.key(each), target);
                if (earlier != null && !earlier.id().equals(target.id())) {
                    throw mapping.error(
                            place,
                            "lists '" + each + "', which another entry already gives to '" + earlier.id()
                                    + "'; a name belongs to one entity");
                }
            }
        }
    }

    /** The entity an actor's name stands for, or null when the mapping leaves it aside. */
    private static @Nullable Target actor(
            String actor,
            String fileName,
            int number,
            KnownEntities known,
            Map<String, Target> table,
            List<KindRule> kindRules,
            Plan plan) {
        var key = Names.key(actor);
        var done = plan.resolved.get(key);
        if (done != null) {
            return plan.use(done);
        }
        var reason = plan.leftAside.get(key);
        if (reason != null) {
            if (plan.counting) {
                plan.leftAsideCounts.merge("'" + actor + "' (" + reason + ")", 1L, Long::sum);
            }
            plan.decisions.put(actor, "left aside: " + reason);
            return null;
        }
        var target = table.get(key);
        if (target == null) {
            var organizations = known.organizations(List.of(actor));
            var people = known.people(List.of(actor));
            if (organizations.size() + people.size() > 1) {
                plan.error(
                        fileName,
                        number,
                        "actor '" + actor + "' names several entities of the graph " + organizations + people
                                + "; add it to the alias table of the mapping with the id meant");
                return null;
            }
            if (organizations.size() == 1) {
                target = new Target(
                        "Organization",
                        organizations.iterator().next(),
                        "resolved by name or alias to an organization already in the graph");
            } else if (people.size() == 1) {
                target = new Target(
                        "Person",
                        people.iterator().next(),
                        "resolved by name or alias to a person already in the graph");
            } else {
                target = newOrganization(actor, fileName, number, known, kindRules, plan, "actor");
                if (target == null) {
                    return null;
                }
            }
        }
        plan.resolved.put(key, target);
        plan.decisions.put(actor, "→ " + target.label() + " '" + target.id() + "' (" + target.how() + ")");
        return plan.use(target);
    }

    private static @Nullable Target newOrganization(
            String name,
            String fileName,
            int number,
            KnownEntities known,
            List<KindRule> kindRules,
            Plan plan,
            String role) {
        var id = Ids.slugify(name);
        if (id.isEmpty()) {
            plan.error(
                    fileName,
                    number,
                    role + " '" + name + "' gives no usable id (no letters or digits); add it to" + " the alias table");
            return null;
        }
        if (known.organizationIds.contains(id)
                || plan.tableOrganizations.containsKey(id)
                || plan.organizations.containsKey(id)) {
            var holder = known.organizationNames.getOrDefault(id, id);
            plan.error(
                    fileName,
                    number,
                    role + " '" + name + "' would become the organization '" + id + "', which is" + " already '"
                            + holder + "'; add the name to the alias table of the mapping, with that id or another");
            return null;
        }
        KindRule matched = null;
        if (role.equals("actor")) {
            for (var rule : kindRules) {
                if (rule.match().matcher(name).find()) {
                    matched = rule;
                    break;
                }
            }
        }
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("name", name);
        row.put("aliases", List.of());
        String how;
        if (role.equals("publisher")) {
            // Named as the publisher of a source: that it publishes is what the dataset says.
            row.put("kindLabel", OrgKind.PUBLISHER.label());
            how = "created as a PUBLISHER: named as the publisher of a cited source";
        } else if (matched != null && matched.kind() != null) {
            row.put("kindLabel", matched.kind().label());
            row.put(
                    "jurisdiction",
                    matched.jurisdiction() == null
                            ? null
                            : matched.jurisdiction().name());
            inferred(
                    row,
                    "kind",
                    "The timeline names " + name + " as an actor and does not say what kind of"
                            + " organization it is; " + matched.kind() + " comes from the mapping's rule /"
                            + matched.match().pattern() + "/ on its name.");
            if (matched.jurisdiction() != null) {
                inferred(
                        row,
                        "jurisdiction",
                        "Read from its name by the mapping's rule /"
                                + matched.match().pattern() + "/.");
            }
            how = "created as " + matched.kind() + " by the rule /"
                    + matched.match().pattern() + "/";
        } else {
            how = "created without a kind: no rule of the mapping matches the name";
        }
        plan.organizations.put(id, row);
        known.addOrganizationName(name, id);
        known.organizationIds.add(id);
        known.organizationNames.put(id, name);
        return new Target("Organization", id, how);
    }

    /** The id of the Source a cited source becomes (an existing one with the same URL, or a new one). */
    private static @Nullable String citedSource(
            JsonNode node,
            String where,
            String fileName,
            int number,
            KnownEntities known,
            Map<String, Target> table,
            List<SourceKindRule> kinds,
            Plan plan) {
        if (!node.isObject()) {
            plan.error(fileName, number, where + " must be an object {\"title\", \"url\", \"publisher\", \"date\"}");
            return null;
        }
        var url = string(node, "url");
        var title = string(node, "title");
        var publisher = string(node, "publisher");
        var date = string(node, "date");
        if (url == null || url.isBlank()) {
            plan.error(fileName, number, where + " has no \"url\": a cited source needs the address to read it at");
            return null;
        }
        // Kept as written (some hold spaces); only the scheme and host are checked.
        var address = HTTP.matcher(url);
        if (!address.lookingAt()) {
            plan.error(fileName, number, where + ": \"url\" '" + url + "' is not an http(s) address");
            return null;
        }
        var host = address.group(1);
        if (date != null) {
            try {
                PartialDate.parse(date);
            } catch (InvalidInputException ex) {
                plan.error(fileName, number, where + ": \"date\" " + ex.getMessage());
                return null;
            }
        }
        var existing = known.sourceWithUrl(url);
        if (existing != null) {
            plan.sources.putIfAbsent(existing, Map.of("id", existing));
            return existing;
        }
        var label = publisher != null && !publisher.isBlank() ? publisher : host.replaceFirst("^www\\.", "");
        var id = Ids.slugify(label).replaceAll("^(.{0,60}).*$", "$1").replaceAll("-+$", "") + "-"
                + HexFormat.of().formatHex(sha256(url)).substring(0, 10);
        // Cited by an earlier event: the first mention gives title, publisher and date.
        var earlier = plan.sourcesByUrl.putIfAbsent(url, id);
        if (earlier != null) {
            return earlier;
        }
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("title", title == null || title.isBlank() ? url : title);
        row.put("url", url);
        row.put("published", date);
        SourceKindRule rule = null;
        for (var candidate : kinds) {
            if (candidate.match().matcher(url).find()
                    || (title != null && candidate.match().matcher(title).find())) {
                rule = candidate;
                break;
            }
        }
        var kind = rule == null ? SourceKind.NEWS_REPORT : rule.kind();
        row.put("kind", kind.name());
        inferred(
                row,
                "kind",
                "The timeline does not say what kind of source this is; " + kind + " comes from the"
                        + " mapping's rule "
                        + (rule == null ? "default" : "/" + rule.match().pattern() + "/")
                        + " on its address and title.");
        if (title == null || title.isBlank()) {
            inferred(row, "title", "The timeline gives no title for this source; its address stands for it.");
        }
        if (publisher != null && !publisher.isBlank()) {
            var key = Names.key(publisher);
            var target = plan.resolved.get(key);
            if (target == null) {
                target = table.get(key);
            }
            if (target == null) {
                var organizations = known.organizations(List.of(publisher));
                if (organizations.size() == 1) {
                    target = new Target(
                            "Organization",
                            organizations.iterator().next(),
                            "resolved by name or alias to an organization already in the graph");
                } else if (organizations.size() > 1) {
                    plan.error(
                            fileName,
                            number,
                            where + ": publisher '" + publisher + "' names several organizations" + " of the graph "
                                    + organizations + "; add it to the alias table with the id meant");
                    return null;
                } else {
                    target = newOrganization(publisher, fileName, number, known, List.of(), plan, "publisher");
                    if (target == null) {
                        return null;
                    }
                }
                plan.resolved.put(key, target);
                plan.decisions.put(publisher, "→ " + target.label() + " '" + target.id() + "' (" + target.how() + ")");
            }
            plan.use(target);
            if (target.label().equals("Organization")) {
                row.put("publisher", target.id());
            }
        }
        plan.sources.put(id, row);
        return id;
    }

    private static @Nullable String string(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static @Nullable List<String> strings(JsonNode node, String field) {
        var value = node.get(field);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            return null;
        }
        var list = new ArrayList<String>();
        for (var item : value) {
            if (!item.isString()) {
                return null;
            }
            if (!item.asString().isBlank()) {
                list.add(item.asString().strip());
            }
        }
        return list;
    }

    @SuppressWarnings("unchecked")
    static void inferred(Map<String, Object> row, String field, String reason) {
        ((List<String>) row.computeIfAbsent("inferred", k -> new ArrayList<String>())).add(field);
        ((List<String>) row.computeIfAbsent("inferredBecause", k -> new ArrayList<String>())).add(reason);
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
