package org.dataflowatlas.ftm;

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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.graph.RelationshipEvidence;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.security.Actor;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.summary.SummaryCounters;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports a FollowTheMoney entity file (one entity per line, as Aleph and OpenSanctions write
 * them): organizations, companies, public bodies, people, documents, ownership, directorships,
 * memberships and documentation. Every line is read and checked first; any problem is reported
 * with its line and nothing is written. Then everything is written in one transaction, so a file is
 * in whole or not at all. Like the CSV import it fills in what is missing and never overwrites what
 * is there, so importing a file again changes nothing. Every fact it writes cites a {@code Source}
 * for the file itself (with the fact's line as the passage) beside the documents the file names.
 */
@Component
public class FtmImporter {

    static final int MAX_ERRORS = 50;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Set<String> ORGANIZATIONS = Set.of("Organization", "Company", "PublicBody");

    private static final Set<String> DOCUMENTS = Set.of("Document", "PlainText");

    private static final Set<String> ROLES = Set.of("Directorship", "Membership");

    private static final String SOURCES = """
            UNWIND $rows AS row
            MERGE (s:Source {id: row.id})
            ON CREATE SET s.recordedAt = datetime.transaction()
            SET s.title = coalesce(s.title, row.title), s.kind = coalesce(s.kind, row.kind),
                s.url = coalesce(s.url, row.url), s.published = coalesce(s.published, row.published),
                s.retrieved = coalesce(s.retrieved, row.retrieved), s.text = coalesce(s.text, row.text),
                s.description = coalesce(s.description, row.description),
                s.licence = coalesce(s.licence, row.licence), s.attribution = coalesce(s.attribution, row.attribution),
                s.inferred = coalesce(s.inferred, row.inferred), s.inferredBecause = coalesce(s.inferredBecause, row.inferredBecause)
            """;

    private static final String ORGANIZATIONS_WRITE = """
            UNWIND $rows AS row
            MERGE (o:Organization {id: row.id})
            SET o.name = coalesce(o.name, row.name),
                o.aliases = coalesce(o.aliases, row.aliases),
                o.country = coalesce(o.country, row.country),
                o.jurisdiction = coalesce(o.jurisdiction, row.jurisdiction),
                o.jurisdictions = coalesce(o.jurisdictions, row.jurisdictions),
                o.description = coalesce(o.description, row.description),
                o.group = coalesce(o.group, row.group),
                o.estimatedSize = coalesce(o.estimatedSize, row.estimatedSize),
                o.inferred = coalesce(o.inferred, row.inferred),
                o.inferredBecause = coalesce(o.inferredBecause, row.inferredBecause)
            WITH o, row WHERE row.kindLabel IS NOT NULL AND none(label IN labels(o) WHERE label IN $kindLabels)
            SET o:$(row.kindLabel)
            """;

    private static final String PEOPLE = """
            UNWIND $rows AS row
            MERGE (p:Person {id: row.id})
            SET p.name = coalesce(p.name, row.name), p.aliases = coalesce(p.aliases, row.aliases),
                p.description = coalesce(p.description, row.description),
                p.inferred = coalesce(p.inferred, row.inferred),
                p.inferredBecause = coalesce(p.inferredBecause, row.inferredBecause)
            """;

    private static final String PUBLISHED_BY = """
            UNWIND $rows AS row
            MATCH (s:Source {id: row.source}), (o:Organization {id: row.publisher})
            MERGE (s)-[:PUBLISHED_BY]->(o)
            """;

    private static final String CITES = """
            UNWIND $rows AS row
            MATCH (a:Source {id: row.from}), (b:Source {id: row.to})
            MERGE (a)-[:CITES]->(b)
            """;

    // The owner's label comes from the entity's schema, never from free text.
    private static final String OWNERSHIP = """
            UNWIND $rows AS row
            MATCH (a:$(row.ownerLabel) {id: row.owner}), (b:Organization {id: row.asset})
            MERGE (a)-[r:OWNS]->(b)
            SET r.since = coalesce(r.since, row.since), r.until = coalesce(r.until, row.until),
                r.share = coalesce(r.share, row.share), r.former = coalesce(r.former, row.former)
            WITH r, row
            %s
            """.formatted(RelationshipEvidence.appendFromRow("r", "row"));

    private static final String ROLE = """
            UNWIND $rows AS row
            MATCH (a:Person {id: row.person}), (b:Organization {id: row.organization})
            MERGE (a)-[r:ROLE {title: row.title}]->(b)
            SET r.since = coalesce(r.since, row.since), r.until = coalesce(r.until, row.until)
            WITH r, row
            %s
            """.formatted(RelationshipEvidence.appendFromRow("r", "row"));

    private final Driver driver;

    FtmImporter(Driver driver) {
        this.driver = driver;
    }

    /** One line of the file: its number, its text and the entity on it. */
    private record Line(int number, String text, String id, String schema, Map<String, List<String>> properties) {
        @Nullable
        String first(String... names) {
            for (var name : names) {
                var values = properties.get(name);
                if (values != null && !values.isEmpty()) {
                    return values.getFirst();
                }
            }
            return null;
        }

        List<String> all(String name) {
            return properties.getOrDefault(name, List.of());
        }
    }

    /** What the file will write, once every line has been checked. */
    private static final class Plan {
        final List<String> errors = new ArrayList<>();
        final Map<String, Long> skipped = new TreeMap<>();
        final List<Map<String, Object>> sources = new ArrayList<>();
        final List<Map<String, Object>> organizations = new ArrayList<>();
        final List<Map<String, Object>> people = new ArrayList<>();
        final List<Map<String, Object>> publishers = new ArrayList<>();
        final List<Map<String, Object>> citations = new ArrayList<>();
        final List<Map<String, Object>> ownerships = new ArrayList<>();
        final List<Map<String, Object>> roles = new ArrayList<>();
        long evidence;
        long entities;

        void error(Line line, String reason) {
            error(line.number(), "entity '" + line.id() + "' (" + line.schema() + "): " + reason);
        }

        void error(int number, String reason) {
            if (errors.size() < MAX_ERRORS) {
                errors.add("line " + number + ": " + reason);
            }
        }

        void skip(String reason) {
            skipped.merge(reason, 1L, Long::sum);
        }
    }

    public FtmImportSummary run(Path file, boolean dryRun, PrintWriter progress) {
        long started = System.nanoTime();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException ex) {
            throw new InvalidInputException("Cannot read " + file + ": " + ex.getMessage());
        }
        var name = file.getFileName().toString();
        var sourceId = "ftm-file-" + Ids.slugify(name.replaceFirst("\\.[^.]*$", "")) + "-"
                + HexFormat.of().formatHex(sha256(bytes)).substring(0, 12);
        progress.printf("Reading and checking FtM file %s…%n", file);
        progress.flush();
        var plan = plan(new String(bytes, StandardCharsets.UTF_8), name, sourceId);
        var imported = new LinkedHashMap<String, Long>();
        imported.put("organizations", (long) plan.organizations.size());
        imported.put("people", (long) plan.people.size());
        imported.put("sources (the file and the documents it names)", (long) plan.sources.size());
        imported.put("ownerships", (long) plan.ownerships.size());
        imported.put("roles", (long) plan.roles.size());
        imported.put("citations between sources", (long) plan.citations.size());
        imported.put("evidence links from documents to facts", plan.evidence);
        if (!plan.errors.isEmpty() || dryRun) {
            return new FtmImportSummary(
                    file.toString(),
                    sourceId,
                    dryRun,
                    plan.entities,
                    imported,
                    plan.skipped,
                    0,
                    0,
                    0,
                    Duration.ofNanos(System.nanoTime() - started),
                    plan.errors);
        }
        var counters = new long[3];
        var kindLabels = Arrays.stream(OrgKind.values()).map(OrgKind::label).toList();
        var ids = new ArrayList<String>();
        plan.organizations.forEach(row -> ids.add((String) row.get("id")));
        plan.people.forEach(row -> ids.add((String) row.get("id")));
        plan.sources.forEach(row -> ids.add((String) row.get("id")));
        var audit = AuditTrail.parameters(Actor.current(), "import:ftm", ids, name);
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> {
                count(
                        counters,
                        tx.run(SOURCES, Map.of("rows", plan.sources)).consume().counters());
                count(
                        counters,
                        tx.run(ORGANIZATIONS_WRITE, Map.of("rows", plan.organizations, "kindLabels", kindLabels))
                                .consume()
                                .counters());
                count(
                        counters,
                        tx.run(PEOPLE, Map.of("rows", plan.people)).consume().counters());
                count(
                        counters,
                        tx.run(PUBLISHED_BY, Map.of("rows", plan.publishers))
                                .consume()
                                .counters());
                count(
                        counters,
                        tx.run(CITES, Map.of("rows", plan.citations)).consume().counters());
                count(
                        counters,
                        tx.run(OWNERSHIP, Map.of("rows", plan.ownerships))
                                .consume()
                                .counters());
                count(
                        counters,
                        tx.run(ROLE, Map.of("rows", plan.roles)).consume().counters());
                // Sources' dates feed the evidence dates of the flows they evidence.
                Lineage.refreshSources(
                        statements(tx),
                        plan.sources.stream().map(row -> (String) row.get("id")).toList());
                tx.run(AuditTrail.RECORD, audit).consume();
            });
        }
        progress.printf("  written in one transaction%n");
        return new FtmImportSummary(
                file.toString(),
                sourceId,
                false,
                plan.entities,
                imported,
                plan.skipped,
                counters[0],
                counters[1],
                counters[2],
                Duration.ofNanos(System.nanoTime() - started),
                List.of());
    }

    private static Lineage.Statements statements(TransactionContext tx) {
        return (cypher, parameters) -> tx.run(cypher, parameters).consume();
    }

    private static void count(long[] counters, SummaryCounters summary) {
        counters[0] += summary.nodesCreated();
        counters[1] += summary.relationshipsCreated();
        counters[2] += summary.propertiesSet();
    }

    private static Plan plan(String text, String fileName, String sourceId) {
        var plan = new Plan();
        var lines = read(text, plan);
        if (!plan.errors.isEmpty()) {
            return plan;
        }
        var byId = new LinkedHashMap<String, Line>();
        lines.forEach(line -> byId.put(line.id(), line));

        // The file itself is the source every imported fact cites.
        var fileSource = new HashMap<String, Object>();
        fileSource.put("id", sourceId);
        fileSource.put("title", "FollowTheMoney file " + fileName);
        fileSource.put("kind", SourceKind.DATASET.name());
        fileSource.put(
                "description",
                "The FtM entity file imported with `dataflow-atlas import --format ftm`; each fact it gave cites"
                        + " the line it came from.");
        plan.sources.add(fileSource);

        var atlasIds = new HashMap<String, String>();
        var organizationIds = new LinkedHashMap<String, String>();
        var personIds = new LinkedHashMap<String, String>();
        var documentIds = new LinkedHashMap<String, String>();
        var documentTexts = new HashMap<String, String>();
        var organizationsByName = new HashMap<String, Set<String>>();
        for (var line : lines) {
            if (!ORGANIZATIONS.contains(line.schema())
                    && !line.schema().equals("Person")
                    && !DOCUMENTS.contains(line.schema())) {
                continue;
            }
            var id = FtmConventions.atlasId(line.id());
            if (id.isEmpty()) {
                plan.error(
                        line, "its id gives no usable id here (no letters or digits); give the entity an id with some");
                continue;
            }
            var label = ORGANIZATIONS.contains(line.schema())
                    ? "Organization"
                    : line.schema().equals("Person") ? "Person" : "Source";
            var other = atlasIds.put(label + ":" + id, line.id());
            if (other != null) {
                plan.error(
                        line,
                        "its id becomes '" + id + "' here, as does the id of entity '" + other
                                + "'; give one of them another id");
                continue;
            }
            switch (label) {
                case "Organization" -> {
                    var row = organization(line, id, plan);
                    if (row != null) {
                        organizationIds.put(line.id(), id);
                        plan.organizations.add(row);
                        organizationsByName
                                .computeIfAbsent(
                                        ((String) row.get("name")).toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                                .add(id);
                        for (var alias : (List<?>) row.get("aliases")) {
                            organizationsByName
                                    .computeIfAbsent(
                                            alias.toString().toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>())
                                    .add(id);
                        }
                    }
                }
                case "Person" -> {
                    var row = person(line, id, plan);
                    if (row != null) {
                        personIds.put(line.id(), id);
                        plan.people.add(row);
                    }
                }
                default -> {
                    var row = document(line, id, plan);
                    if (row != null) {
                        documentIds.put(line.id(), id);
                        plan.sources.add(row);
                        if (row.get("text") != null) {
                            documentTexts.put(id, (String) row.get("text"));
                        }
                    }
                }
            }
        }
        // Publishers are named, not referenced, in FtM: link one only where the name is unambiguous.
        for (var line : lines) {
            if (documentIds.containsKey(line.id())) {
                for (var publisher : line.all("publisher")) {
                    var matches = organizationsByName.getOrDefault(publisher.toLowerCase(Locale.ROOT), Set.of());
                    if (matches.size() == 1) {
                        plan.publishers.add(Map.of(
                                "source",
                                documentIds.get(line.id()),
                                "publisher",
                                matches.iterator().next()));
                    } else {
                        plan.skip(
                                matches.isEmpty()
                                        ? "publisher names that match no organization of the file"
                                        : "publisher names that match several organizations of the file");
                    }
                }
            }
        }

        // Facts, then the documentation that evidences them.
        var facts = new HashMap<String, Map<String, Object>>();
        for (var line : lines) {
            if (line.schema().equals("Ownership")) {
                var row = ownership(line, organizationIds, personIds, byId, plan);
                if (row != null) {
                    facts.put(line.id(), row);
                    plan.ownerships.add(row);
                }
            } else if (ROLES.contains(line.schema())) {
                var row = role(line, organizationIds, personIds, byId, plan);
                if (row != null) {
                    facts.put(line.id(), row);
                    plan.roles.add(row);
                }
            }
        }
        facts.forEach((ftmId, row) ->
                evidence(row).add(evidenceItem(sourceId, byId.get(ftmId).text())));
        var seen = new LinkedHashSet<String>();
        for (var line : lines) {
            if (!line.schema().equals("Documentation")) {
                continue;
            }
            var document = line.first("document");
            var entity = line.first("entity");
            if (document == null || entity == null) {
                plan.error(line, "a Documentation needs both `document` and `entity`");
                continue;
            }
            if (!byId.containsKey(document) || !byId.containsKey(entity)) {
                plan.error(
                        line,
                        "it refers to '" + (byId.containsKey(document) ? entity : document)
                                + "', which is not an entity of this file; include that entity or leave this line out");
                continue;
            }
            var source = documentIds.get(document);
            if (source == null) {
                plan.skip("documentation whose document is not imported");
                continue;
            }
            var role = Optional.ofNullable(line.first("role")).orElse("");
            var fact = FtmConventions.evidenceOf(role).orElse(null);
            if (documentIds.containsKey(entity) && fact == null) {
                plan.citations.add(Map.of("from", source, "to", documentIds.get(entity)));
                continue;
            }
            var target = fact == null ? null : facts.get(fact);
            if (target == null) {
                plan.skip(
                        fact == null
                                ? "documentation of an organization or person (evidence here is kept on facts)"
                                : "documentation of a fact that is not imported (flows and other links)");
                continue;
            }
            var quotes = line.all("summary");
            if (quotes.isEmpty()) {
                plan.skip("documentation of a fact with no quote (evidence of ownership and roles needs the passage)");
                continue;
            }
            var held = documentTexts.get(source);
            for (var quote : quotes) {
                if (held != null && !held.contains(quote)) {
                    plan.error(
                            line,
                            "its summary '" + abbreviate(quote) + "' is not a passage of the document's"
                                    + " bodyText; a quote must be copied word for word from the source it is attached to");
                    continue;
                }
                // Both parties of a fact are documented with the same passage: count it once.
                if (seen.add(fact + "\u0000" + source + "\u0000" + quote)) {
                    evidence(target).add(evidenceItem(source, quote));
                    plan.evidence++;
                }
            }
        }
        plan.entities = lines.size();
        return plan;
    }

    private static List<Line> read(String text, Plan plan) {
        var lines = new ArrayList<Line>();
        var firstLine = new HashMap<String, Integer>();
        var raw = text.split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            var lineText = raw[i].strip();
            int number = i + 1;
            if (lineText.isEmpty()) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(lineText);
            } catch (JacksonException ex) {
                plan.error(
                        number,
                        "not a JSON object (" + ex.getOriginalMessage() + "); FtM files hold one entity"
                                + " {\"id\", \"schema\", \"properties\"} per line");
                continue;
            }
            if (!node.isObject()) {
                plan.error(
                        number,
                        "not a JSON object; FtM files hold one entity {\"id\", \"schema\", \"properties\"} per line");
                continue;
            }
            var idNode = node.get("id");
            if (idNode == null || !idNode.isString() || idNode.asString().isBlank()) {
                plan.error(number, "missing \"id\": every FtM entity needs a non-empty string id");
                continue;
            }
            var id = idNode.asString();
            var schemaNode = node.get("schema");
            if (schemaNode == null || !schemaNode.isString()) {
                plan.error(number, "entity '" + id + "' has no \"schema\"; give its FtM schema, e.g. \"Company\"");
                continue;
            }
            var schema = schemaNode.asString();
            if (!FtmSchema.exists(schema)) {
                plan.error(
                        number,
                        "entity '" + id + "' has the unknown schema '" + schema + "'; FtM schemata are"
                                + " spelt as in followthemoney/schema (Organization, Company, PublicBody, Person, Ownership,"
                                + " Directorship, Membership, Document, Documentation, …)");
                continue;
            }
            if (FtmSchema.isAbstract(schema)) {
                plan.error(
                        number,
                        "entity '" + id + "' has the abstract schema '" + schema + "'; use a concrete one"
                                + " (e.g. Company or Person instead of LegalEntity)");
                continue;
            }
            var earlier = firstLine.putIfAbsent(id, number);
            if (earlier != null) {
                plan.error(
                        number,
                        "entity '" + id + "' is also on line " + earlier + "; FtM ids are unique in a file"
                                + " (merge the two into one entity)");
                continue;
            }
            var properties = new LinkedHashMap<String, List<String>>();
            var propertiesNode = node.get("properties");
            if (propertiesNode != null && !propertiesNode.isObject()) {
                plan.error(number, "entity '" + id + "': \"properties\" must be an object of lists of strings");
                continue;
            }
            boolean ok = true;
            if (propertiesNode != null) {
                for (var entry : propertiesNode.properties()) {
                    var property = entry.getKey();
                    var values = entry.getValue();
                    if (FtmSchema.isDescribed(schema)
                            && FtmSchema.property(schema, property).isEmpty()) {
                        var owners = FtmSchema.definedBy(property);
                        if (!owners.isEmpty()) {
                            // A property of another schema is a mistake in the file, not something to drop.
                            plan.error(
                                    number,
                                    "entity '" + id + "': " + schema + " has no property '" + property
                                            + "' in FtM (" + String.join(", ", owners) + " has); remove it or use the"
                                            + " property the schema defines");
                            ok = false;
                        } else {
                            // FtM has more properties than this product reads: say which were left aside.
                            plan.skip("properties not read here: " + schema + "." + property);
                        }
                        continue;
                    }
                    if (!values.isArray() || !allStrings(values)) {
                        plan.error(
                                number,
                                "entity '" + id + "': property '" + property
                                        + "' must be a list of strings (FtM properties are multi-valued), e.g. [\"value\"]");
                        ok = false;
                        continue;
                    }
                    var list = new ArrayList<String>();
                    values.forEach(value -> {
                        if (!value.asString().isBlank()) {
                            list.add(value.asString());
                        }
                    });
                    properties.put(property, list);
                }
            }
            if (ok) {
                lines.add(new Line(number, lineText, id, schema, properties));
                if (!FtmSchema.isDescribed(schema)
                        || Set.of("UnknownLink", "Representation", "Event").contains(schema)) {
                    plan.skip(schema + " entities (not a kind of fact imported from FtM)");
                }
            }
        }
        return lines;
    }

    private static boolean allStrings(JsonNode values) {
        for (var value : values) {
            if (!value.isString()) {
                return false;
            }
        }
        return true;
    }

    private static @Nullable Map<String, Object> organization(Line line, String id, Plan plan) {
        var names = line.all("name");
        if (names.isEmpty()) {
            plan.error(line, "an organization needs a `name`");
            return null;
        }
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("name", names.getFirst());
        var aliases = new ArrayList<>(names.subList(1, names.size()));
        aliases.addAll(line.all("alias"));
        row.put("aliases", aliases);
        var country = line.first("country");
        row.put("country", country == null ? null : country.toUpperCase(Locale.ROOT));
        row.put("description", line.first("description", "summary"));
        // The product's kind travels in `classification`; else the schema says what it is.
        String kind = switch (line.schema()) {
            case "Company" -> OrgKind.COMPANY.label();
            case "PublicBody" -> OrgKind.AGENCY.label();
            default -> null;
        };
        for (var classification : line.all("classification")) {
            for (var known : OrgKind.values()) {
                if (known.label().equalsIgnoreCase(classification)) {
                    kind = known.label();
                }
            }
        }
        row.put("kindLabel", kind);
        var levels = line.all("keywords").stream()
                .filter(keyword -> Arrays.stream(Jurisdiction.values())
                        .anyMatch(level -> level.name().equals(keyword)))
                .toList();
        row.put("jurisdiction", levels.size() == 1 ? levels.getFirst() : null);
        row.put("jurisdictions", levels.size() > 1 ? levels : null);
        for (var note : line.all("notes")) {
            if (note.startsWith(FtmConventions.GROUP)) {
                row.put("group", true);
                int at = note.indexOf(FtmConventions.ESTIMATED_SIZE);
                if (at >= 0) {
                    row.put("estimatedSize", note.substring(at + FtmConventions.ESTIMATED_SIZE.length()));
                }
            }
        }
        inferred(line, row);
        return row;
    }

    private static @Nullable Map<String, Object> person(Line line, String id, Plan plan) {
        var names = line.all("name");
        if (names.isEmpty()) {
            plan.error(line, "a person needs a `name`");
            return null;
        }
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("name", names.getFirst());
        var aliases = new ArrayList<>(names.subList(1, names.size()));
        aliases.addAll(line.all("alias"));
        row.put("aliases", aliases.isEmpty() ? null : aliases);
        row.put("description", line.first("description", "summary"));
        inferred(line, row);
        return row;
    }

    private static @Nullable Map<String, Object> document(Line line, String id, Plan plan) {
        var title = line.first("title", "name", "fileName");
        if (title == null) {
            plan.error(line, "a document needs a `title` (or `name`, or `fileName`)");
            return null;
        }
        var row = new HashMap<String, Object>();
        row.put("id", id);
        row.put("title", title);
        row.put("url", line.first("sourceUrl"));
        row.put("description", line.first("description", "summary"));
        row.put("text", line.first("bodyText"));
        int problems = plan.errors.size();
        var published = date(line, plan, "publishedAt", "date", "authoredAt");
        var retrieved = date(line, plan, "retrievedAt");
        if (plan.errors.size() > problems) {
            return null;
        }
        row.put("published", published);
        row.put("retrieved", retrieved);
        for (var note : line.all("notes")) {
            if (note.startsWith(FtmConventions.LICENCE)) {
                row.put("licence", note.substring(FtmConventions.LICENCE.length()));
            } else if (note.startsWith(FtmConventions.ATTRIBUTION)) {
                row.put("attribution", note.substring(FtmConventions.ATTRIBUTION.length()));
            }
        }
        inferred(line, row);
        var kind = line.all("keywords").stream()
                .filter(keyword -> Arrays.stream(SourceKind.values())
                        .anyMatch(known -> known.name().equals(keyword)))
                .findFirst()
                .orElse(null);
        if (kind == null) {
            // FtM does not say what kind of document it is: that it came with a dataset is our reading.
            kind = SourceKind.DATASET.name();
            addInferred(
                    row,
                    "kind",
                    "The FollowTheMoney Document does not say what kind of source it is; DATASET stands for a"
                            + " document that came in with an FtM file.");
        }
        row.put("kind", kind);
        return row;
    }

    /** The first of these dates the entity has, as a product date; a bad one is recorded as an error of the line. */
    private static @Nullable String date(Line line, Plan plan, String... properties) {
        var value = line.first(properties);
        if (value == null) {
            return null;
        }
        // FtM dates are ISO 8601 prefixes, possibly with a time; the product keeps the date part.
        var date = value.length() > 10 && value.charAt(10) == 'T' ? value.substring(0, 10) : value;
        try {
            PartialDate.parse(date);
            return date;
        } catch (InvalidInputException | java.time.DateTimeException ex) {
            plan.error(line, "'" + value + "' is not a date (use ISO 8601: 2024, 2024-01 or 2024-01-08)");
            return null;
        }
    }

    private static @Nullable Map<String, Object> ownership(
            Line line,
            Map<String, String> organizationIds,
            Map<String, String> personIds,
            Map<String, Line> byId,
            Plan plan) {
        var ends = ends(line, "owner", "asset", byId, plan);
        if (ends == null) {
            return null;
        }
        String ownerLabel;
        String owner;
        if (personIds.containsKey(ends[0])) {
            ownerLabel = "Person";
            owner = personIds.get(ends[0]);
        } else if (organizationIds.containsKey(ends[0])) {
            ownerLabel = "Organization";
            owner = organizationIds.get(ends[0]);
        } else {
            plan.skip("ownership whose owner is not an organization or person of the file");
            return null;
        }
        var asset = organizationIds.get(ends[1]);
        if (asset == null) {
            plan.skip("ownership of assets that are not organizations (vessels, land, securities, …)");
            return null;
        }
        int problems = plan.errors.size();
        var since = date(line, plan, "startDate");
        var until = date(line, plan, "endDate");
        if (plan.errors.size() > problems) {
            return null;
        }
        var row = new HashMap<String, Object>();
        row.put("ownerLabel", ownerLabel);
        row.put("owner", owner);
        row.put("asset", asset);
        row.put("since", since);
        row.put("until", until);
        row.put("share", line.first("percentage"));
        row.put(
                "former",
                line.all("status").stream().anyMatch(status -> status.equalsIgnoreCase("former")) ? true : null);
        row.put("evidence", new ArrayList<Map<String, Object>>());
        row.put("id", line.id());
        return row;
    }

    private static @Nullable Map<String, Object> role(
            Line line,
            Map<String, String> organizationIds,
            Map<String, String> personIds,
            Map<String, Line> byId,
            Plan plan) {
        var holder = line.schema().equals("Directorship") ? "director" : "member";
        var ends = ends(line, holder, "organization", byId, plan);
        if (ends == null) {
            return null;
        }
        var person = personIds.get(ends[0]);
        var organization = organizationIds.get(ends[1]);
        if (person == null || organization == null) {
            plan.skip(line.schema().toLowerCase(Locale.ROOT)
                    + "s held by an organization (roles here are people's) or in an organization not imported");
            return null;
        }
        int problems = plan.errors.size();
        var since = date(line, plan, "startDate");
        var until = date(line, plan, "endDate");
        if (plan.errors.size() > problems) {
            return null;
        }
        var row = new HashMap<String, Object>();
        row.put("person", person);
        row.put("organization", organization);
        row.put("title", Optional.ofNullable(line.first("role")).orElse(holder));
        row.put("since", since);
        row.put("until", until);
        row.put("evidence", new ArrayList<Map<String, Object>>());
        row.put("id", line.id());
        return row;
    }

    /** The two ends of an FtM edge, each exactly one entity of this file. */
    private static String @Nullable [] ends(Line line, String from, String to, Map<String, Line> byId, Plan plan) {
        var result = new String[2];
        var names = new String[] {from, to};
        for (int i = 0; i < 2; i++) {
            var values = line.all(names[i]);
            if (values.size() != 1) {
                plan.error(
                        line,
                        "a " + line.schema() + " needs exactly one `" + names[i] + "` (it has " + values.size() + ")");
                return null;
            }
            if (!byId.containsKey(values.getFirst())) {
                plan.error(
                        line,
                        "its " + names[i] + " '" + values.getFirst() + "' is not an entity of this file;"
                                + " include that entity or leave this line out");
                return null;
            }
            result[i] = values.getFirst();
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> evidence(Map<String, Object> row) {
        return (List<Map<String, Object>>) row.get("evidence");
    }

    private static Map<String, Object> evidenceItem(String source, String quote) {
        return Map.of("source", source, "quote", quote);
    }

    private static void inferred(Line line, Map<String, Object> row) {
        for (var note : line.all("notes")) {
            FtmConventions.inferred(note).ifPresent(mark -> addInferred(row, mark.getKey(), mark.getValue()));
        }
        for (var note : line.all("description")) {
            FtmConventions.inferred(note).ifPresent(mark -> addInferred(row, mark.getKey(), mark.getValue()));
        }
        if (row.get("description") instanceof String description && description.startsWith(FtmConventions.INFERRED)) {
            row.put("description", null);
        }
    }

    @SuppressWarnings("unchecked")
    private static void addInferred(Map<String, Object> row, String field, String reason) {
        ((List<String>) row.computeIfAbsent("inferred", k -> new ArrayList<String>())).add(field);
        ((List<String>) row.computeIfAbsent("inferredBecause", k -> new ArrayList<String>())).add(reason);
    }

    private static String abbreviate(String text) {
        return text.length() > 80 ? text.substring(0, 77) + "…" : text;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
