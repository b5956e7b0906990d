package org.dataflowatlas.export;

import static org.dataflowatlas.ftm.FtmConventions.entityId;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dataflowatlas.ftm.FtmConventions;
import org.dataflowatlas.ftm.FtmSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * FollowTheMoney entities, one JSON object per line ({@code id}, {@code schema}, {@code properties}
 * with lists of strings): organizations, people and sources as entities, ownership, roles, data
 * flows and evidence as the FtM intervals that link them (docs/adr/0012). An FtM entity gathers
 * what the graph holds on several nodes and relationships, so the part being exported is read whole
 * before anything is written; entities come out grouped by schema and sorted by id, so the same
 * graph gives the same file.
 */
final class FtmSink extends Sink {

    /**
     * Titles of governing offices. A bare "director" is one too, but a qualified one ("privacy
     * litigation director") is a staff title, and staff are members of the organization, not its directors.
     */
    private static final Pattern GOVERNING = Pattern.compile(
            "\\b(board|chair|chairman|chairwoman|chairperson|president|ceo|cfo|coo|cto|chief [a-z ]*officer"
                    + "|founder|co-founder|managing director|executive director|non-executive director"
                    + "|secretary|treasurer|trustee)\\b");

    private static final Pattern BARE_DIRECTOR = Pattern.compile("directors?( of the board)?");

    private static final Set<String> PUBLIC_BODIES = Set.of("Agency", "Court");

    private static final Set<String> COMPANIES = Set.of("Platform", "Vendor", "Publisher", "Company");

    private record Node(List<String> labels, Map<String, Object> properties) {}

    private record Link(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId) {}

    /** One FtM entity being assembled; every property is checked against the schema as it is added. */
    private static final class Entity {
        final String id;
        final String schema;
        final Map<String, LinkedHashSet<String>> properties = new TreeMap<>();

        Entity(String id, String schema) {
            this.id = id;
            this.schema = schema;
        }

        Entity add(String property, @Nullable Object value) {
            if (FtmSchema.property(schema, property).isEmpty()) {
                throw new IllegalStateException("FtM " + schema + " has no property " + property);
            }
            if (value instanceof List<?> list) {
                list.forEach(item -> add(property, item));
            } else if (value != null && !value.toString().isBlank()) {
                properties
                        .computeIfAbsent(property, key -> new LinkedHashSet<>())
                        .add(value.toString());
            }
            return this;
        }

        Map<String, Object> json() {
            var values = new LinkedHashMap<String, List<String>>();
            properties.forEach((name, set) -> values.put(name, List.copyOf(set)));
            var entity = new LinkedHashMap<String, Object>();
            entity.put("id", id);
            entity.put("schema", schema);
            entity.put("properties", values);
            return entity;
        }
    }

    private final Writer out;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Node> nodes = new TreeMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, List<Link>> outgoing = new HashMap<>();
    private final Map<String, List<Link>> incoming = new HashMap<>();
    private long written;

    FtmSink(Writer out) {
        this.out = out;
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) {
        nodes.put(key(GraphExporter.idLabel(labels), (String) properties.get("id")), new Node(labels, properties));
    }

    @Override
    void relationship(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId) {
        links.add(new Link(type, properties, startLabel, startId, endLabel, endId));
    }

    @Override
    long written() {
        return written;
    }

    @Override
    void end() throws IOException {
        // Parallel relationships (several quotes from one source) come in no set order: fix one.
        links.sort(Comparator.comparing((Link link) -> link.type() + "|" + link.startLabel() + "|"
                + link.startId() + "|" + link.endLabel() + "|" + link.endId() + "|"
                + new TreeMap<>(link.properties())));
        // Looked up per node, so a large export does not scan every relationship for every flow.
        for (var link : links) {
            outgoing.computeIfAbsent(key(link.startLabel(), link.startId()), k -> new ArrayList<>())
                    .add(link);
            incoming.computeIfAbsent(key(link.endLabel(), link.endId()), k -> new ArrayList<>())
                    .add(link);
        }
        var organizations = new ArrayList<Entity>();
        var people = new ArrayList<Entity>();
        var documents = new ArrayList<Entity>();
        var events = new ArrayList<Entity>();
        var eventsById = new HashMap<String, Entity>();
        var intervals = new ArrayList<Entity>();
        var documentation = new TreeMap<String, Entity>();

        // An organization that is owned is an FtM asset, which only a Company (of the organizations) is.
        var owned = new LinkedHashSet<String>();
        links.stream().filter(link -> link.type().equals("OWNS")).forEach(link -> owned.add(link.endId()));

        for (var node : nodes.values()) {
            if (isRetracted(node.properties())) {
                continue;
            }
            var id = (String) node.properties().get("id");
            switch (GraphExporter.idLabel(node.labels())) {
                case "Organization" -> organizations.add(organization(node, owned.contains(id)));
                case "Person" -> people.add(person(node));
                case "Source" -> documents.add(document(node));
                case "DataFlow" -> {
                    var flow = flow(node);
                    if (flow != null) {
                        intervals.add(flow);
                        documentEvidence(documentation, "DataFlow", id, flow);
                    }
                }
                case "Event" -> {
                    var event = event(node);
                    events.add(event);
                    eventsById.put(id, event);
                    documentEvidence(documentation, "Event", id, event);
                }
                default -> {
                    // Products, categories, agreements, policies and statements have no FtM schema that
                    // says what they are here; flows name their products and categories.
                }
            }
        }
        var schemaOf = new LinkedHashMap<String, String>();
        organizations.forEach(entity -> schemaOf.put(entity.id, entity.schema));
        for (var link : links) {
            switch (link.type()) {
                case "OWNS" -> {
                    var ownership = ownership(link, schemaOf);
                    if (ownership != null) {
                        intervals.add(ownership);
                        relationshipEvidence(documentation, link, ownership);
                    }
                }
                case "ROLE" -> {
                    var role = role(link);
                    if (role != null) {
                        intervals.add(role);
                        relationshipEvidence(documentation, link, role);
                    }
                }
                case "CITES" -> {
                    if (has("Source", link.startId()) && has("Source", link.endId())) {
                        var cited = entityId("Source", link.endId());
                        documentation.put(
                                FtmConventions.documentationId(link.startId(), cited),
                                new Entity(FtmConventions.documentationId(link.startId(), cited), "Documentation")
                                        .add("document", entityId("Source", link.startId()))
                                        .add("entity", cited)
                                        .add("role", FtmConventions.CITES_ROLE));
                    }
                }
                case "INVOLVES" -> {
                    var event = eventsById.get(link.startId());
                    var involved = nodes.get(key(link.endLabel(), link.endId()));
                    if (event != null
                            && Set.of("Organization", "Person").contains(link.endLabel())
                            && involved != null
                            && !isRetracted(involved.properties())) {
                        event.add("involved", entityId(link.endLabel(), link.endId()));
                    }
                }
                default -> {
                    // The rest belongs to nodes that are not exported, or is read with them (SENDS, TO, CARRIES, …).
                }
            }
        }
        intervals.sort(Comparator.comparing(entity -> entity.id));
        for (var group :
                List.of(organizations, people, documents, events, intervals, List.copyOf(documentation.values()))) {
            for (var entity : group) {
                out.write(json.writeValueAsString(entity.json()));
                out.write('\n');
                written++;
            }
        }
        out.flush();
    }

    private Entity organization(Node node, boolean owned) {
        var p = node.properties();
        var labels = node.labels();
        String schema;
        if (labels.stream().anyMatch(PUBLIC_BODIES::contains)) {
            schema = "PublicBody";
        } else if (owned || labels.stream().anyMatch(COMPANIES::contains)) {
            schema = "Company";
        } else {
            schema = "Organization";
        }
        var entity = new Entity(entityId("Organization", (String) p.get("id")), schema)
                .add("name", p.get("name"))
                .add("alias", p.get("aliases"))
                .add("description", p.get("description"));
        if (p.get("country") instanceof String country) {
            // FtM countries are lower-case ISO 3166-1 codes.
            entity.add("country", country.toLowerCase(Locale.ROOT));
        }
        labels.stream()
                .filter(label -> !label.equals("Organization"))
                .sorted()
                .forEach(label -> entity.add("classification", label));
        entity.add("keywords", p.get("jurisdiction")).add("keywords", p.get("jurisdictions"));
        if (Boolean.TRUE.equals(p.get("group"))) {
            entity.add(
                    "notes",
                    FtmConventions.GROUP
                            + (p.get("estimatedSize") == null
                                    ? ""
                                    : FtmConventions.ESTIMATED_SIZE + p.get("estimatedSize")));
        }
        inferredNotes(p).forEach(note -> entity.add("notes", note));
        return entity;
    }

    private Entity person(Node node) {
        var p = node.properties();
        var entity = new Entity(entityId("Person", (String) p.get("id")), "Person")
                .add("name", p.get("name"))
                .add("alias", p.get("aliases"))
                .add("description", p.get("description"));
        inferredNotes(p).forEach(note -> entity.add("notes", note));
        return entity;
    }

    private Entity document(Node node) {
        var p = node.properties();
        var id = (String) p.get("id");
        // A source whose text we hold is a text file in FtM terms: only PlainText carries bodyText.
        var entity = new Entity(entityId("Source", id), p.get("text") != null ? "PlainText" : "Document")
                .add("name", p.get("title"))
                .add("title", p.get("title"))
                .add("keywords", p.get("kind"))
                .add("publishedAt", p.get("published"))
                .add("retrievedAt", p.get("retrieved"))
                .add("sourceUrl", p.get("url"))
                .add("description", p.get("description"))
                .add("publisher", publishers(id));
        if (p.get("text") != null) {
            entity.add("bodyText", p.get("text"));
        }
        if (p.get("licence") != null) {
            entity.add("notes", FtmConventions.LICENCE + p.get("licence"));
        }
        if (p.get("attribution") != null) {
            entity.add("notes", FtmConventions.ATTRIBUTION + p.get("attribution"));
        }
        inferredNotes(p).forEach(note -> entity.add("notes", note));
        return entity;
    }

    /**
     * An event as an FtM Event, a thing of its own: its title, date as written, description and what
     * it involves; a filing's amount as a note (an FtM Event has no amount), and where its sources are.
     */
    private Entity event(Node node) {
        var p = node.properties();
        var id = (String) p.get("id");
        var entity = new Entity(entityId("Event", id), "Event")
                .add("name", p.get("title") == null ? id : p.get("title"))
                .add("date", p.get("date"))
                .add("description", p.get("description"));
        if (p.get("amount") != null) {
            entity.add(
                    "notes",
                    FtmConventions.AMOUNT
                            + p.get("amount")
                            + (p.get("currency") == null ? "" : " " + p.get("currency")));
        }
        for (var link : outgoing.getOrDefault(key("Event", id), List.of())) {
            if (link.type().equals("EVIDENCED_BY")) {
                cite(entity, link.endId());
            }
        }
        inferredNotes(p).forEach(note -> entity.add("notes", note));
        return entity;
    }

    /** A data flow as an FtM UnknownLink from sender to receiver (docs/adr/0012); null if an end is not exported. */
    private @Nullable Entity flow(Node node) {
        var p = node.properties();
        var id = (String) p.get("id");
        var sender = incoming.getOrDefault(key("DataFlow", id), List.of()).stream()
                .filter(link -> link.type().equals("SENDS"))
                .findFirst();
        var receiver = outgoing.getOrDefault(key("DataFlow", id), List.of()).stream()
                .filter(link -> link.type().equals("TO"))
                .findFirst();
        if (sender.isEmpty()
                || receiver.isEmpty()
                || !has("Organization", sender.get().startId())
                || !has("Organization", receiver.get().endId())) {
            return null;
        }
        var entity = new Entity(entityId("DataFlow", id), "UnknownLink")
                .add("subject", entityId("Organization", sender.get().startId()))
                .add("object", entityId("Organization", receiver.get().endId()))
                .add("role", "data flow: " + p.get("purpose"))
                .add("status", p.get("confidence"))
                .add("startDate", p.get("since"))
                .add("endDate", p.get("until"))
                .add("recordId", id)
                .add("description", p.get("description"));
        var attached = new TreeMap<String, List<String>>();
        for (var link : outgoing.getOrDefault(key("DataFlow", id), List.of())) {
            if (link.startId().equals(id) && link.startLabel().equals("DataFlow")) {
                var target = nodes.get(key(link.endLabel(), link.endId()));
                if (target == null) {
                    continue;
                }
                var name = target.properties()
                        .getOrDefault("name", target.properties().getOrDefault("title", link.endId()));
                switch (link.type()) {
                    case "CARRIES" ->
                        attached.computeIfAbsent("Carries: ", k -> new ArrayList<>())
                                .add(name.toString());
                    case "VIA" ->
                        attached.computeIfAbsent("Via: ", k -> new ArrayList<>())
                                .add(name.toString());
                    case "UNDER" ->
                        attached.computeIfAbsent("Under: ", k -> new ArrayList<>())
                                .add(name.toString());
                    default -> {}
                }
            }
        }
        attached.forEach((label, names) -> entity.add(
                "description", label + String.join("; ", names.stream().sorted().toList())));
        entity.add(
                "description",
                "Access: " + p.get("accessMethod") + (Boolean.TRUE.equals(p.get("realTime")) ? ", in real time" : ""));
        inferredNotes(p).forEach(note -> entity.add("description", note));
        for (var link : outgoing.getOrDefault(key("DataFlow", id), List.of())) {
            if (link.type().equals("EVIDENCED_BY")
                    && link.startId().equals(id)
                    && link.startLabel().equals("DataFlow")) {
                entity.add("summary", link.properties().get("quote"));
                cite(entity, link.endId());
            }
        }
        return entity;
    }

    private @Nullable Entity ownership(Link link, Map<String, String> schemaOf) {
        if (!has(link.startLabel(), link.startId()) || !has("Organization", link.endId())) {
            return null;
        }
        var owner = entityId(link.startLabel(), link.startId());
        var asset = entityId("Organization", link.endId());
        var p = link.properties();
        Entity entity;
        if ("Company".equals(schemaOf.get(asset))) {
            entity = new Entity(FtmConventions.ownershipId(link.startId(), link.endId()), "Ownership")
                    .add("owner", owner)
                    .add("asset", asset)
                    .add("percentage", p.get("share"));
        } else {
            // Only companies are assets in FtM; a public body that is owned is linked without that claim.
            entity = new Entity(FtmConventions.ownershipId(link.startId(), link.endId()), "UnknownLink")
                    .add("subject", owner)
                    .add("object", asset)
                    .add("role", "owner" + (p.get("share") == null ? "" : " (" + p.get("share") + ")"));
        }
        entity.add("startDate", p.get("since")).add("endDate", p.get("until"));
        if (Boolean.TRUE.equals(p.get("former"))) {
            entity.add("status", "former");
        }
        evidence(p).forEach((source, quotes) -> {
            entity.add("summary", quotes);
            cite(entity, source);
        });
        return entity;
    }

    private @Nullable Entity role(Link link) {
        if (!has("Person", link.startId()) || !has("Organization", link.endId())) {
            return null;
        }
        var p = link.properties();
        var title = String.valueOf(p.getOrDefault("title", ""));
        var schema = isDirectorship(title) ? "Directorship" : "Membership";
        var entity = new Entity(FtmConventions.roleId(schema, link.startId(), link.endId(), title), schema)
                .add(schema.equals("Directorship") ? "director" : "member", entityId("Person", link.startId()))
                .add("organization", entityId("Organization", link.endId()))
                .add("role", title)
                .add("startDate", p.get("since"))
                .add("endDate", p.get("until"));
        evidence(p).forEach((source, quotes) -> {
            entity.add("summary", quotes);
            cite(entity, source);
        });
        return entity;
    }

    static boolean isDirectorship(String title) {
        var text = title.toLowerCase(Locale.ROOT).trim();
        return GOVERNING.matcher(text).find() || BARE_DIRECTOR.matcher(text).matches();
    }

    /** A relationship fact's evidence: each source with its quotes (the older single {@code quote} counts for each). */
    private static Map<String, List<String>> evidence(Map<String, Object> p) {
        var bySource = new LinkedHashMap<String, List<String>>();
        if (!(p.get("sources") instanceof List<?> sources)) {
            return bySource;
        }
        var quotes = p.get("quotes") instanceof List<?> list ? list : null;
        for (int i = 0; i < sources.size(); i++) {
            var quote = quotes != null && i < quotes.size() ? quotes.get(i) : p.get("quote");
            var list = bySource.computeIfAbsent(String.valueOf(sources.get(i)), k -> new ArrayList<>());
            if (quote != null && !quote.toString().isBlank()) {
                list.add(quote.toString());
            }
        }
        return bySource;
    }

    /** The fact names where its sources are and who published them (FtM's sourceUrl and publisher). */
    private void cite(Entity entity, String sourceId) {
        var source = nodes.get(key("Source", sourceId));
        if (source != null) {
            entity.add("sourceUrl", source.properties().get("url")).add("publisher", publishers(sourceId));
        }
    }

    private List<String> publishers(String sourceId) {
        return outgoing.getOrDefault(key("Source", sourceId), List.of()).stream()
                .filter(link -> link.type().equals("PUBLISHED_BY"))
                .map(link -> nodes.get(key("Organization", link.endId())))
                .filter(Objects::nonNull)
                .map(node -> String.valueOf(node.properties().get("name")))
                .toList();
    }

    private void documentEvidence(Map<String, Entity> documentation, String label, String factId, Entity fact) {
        var bySource = new LinkedHashMap<String, List<String>>();
        for (var link : outgoing.getOrDefault(key(label, factId), List.of())) {
            if (link.type().equals("EVIDENCED_BY")) {
                var quotes = bySource.computeIfAbsent(link.endId(), k -> new ArrayList<>());
                if (link.properties().get("quote") instanceof String quote && !quote.isBlank()) {
                    quotes.add(quote);
                }
            }
        }
        bySource.forEach((source, quotes) -> addDocumentation(documentation, source, fact, quotes));
    }

    private void relationshipEvidence(Map<String, Entity> documentation, Link link, Entity fact) {
        evidence(link.properties()).forEach((source, quotes) -> addDocumentation(documentation, source, fact, quotes));
    }

    /**
     * FtM documents only things. A fact that is one (an event) is documented itself
     * ({@code documentation.SOURCE.event.ID}); an interval (a flow, an ownership, a role) is not, so a
     * source documents each party of it ({@code documentation.SOURCE.FACT.PARTY}). Either way the role
     * names the fact ({@code evidence: ownership.elon-musk.x}) and the summary holds the source's quotes.
     */
    private void addDocumentation(Map<String, Entity> documentation, String source, Entity fact, List<String> quotes) {
        if (!has("Source", source)) {
            return;
        }
        boolean thing = FtmSchema.lineage(fact.schema).contains("Thing");
        for (var documented : thing ? List.of(fact.id) : parties(fact)) {
            var id = FtmConventions.documentationId(source, thing ? fact.id : fact.id + "." + documented);
            documentation
                    .computeIfAbsent(
                            id,
                            key -> new Entity(id, "Documentation")
                                    .add("document", entityId("Source", source))
                                    .add("entity", documented)
                                    .add("role", FtmConventions.evidenceRole(fact.id)))
                    .add("summary", quotes);
        }
    }

    private static List<String> parties(Entity fact) {
        var parties = new ArrayList<String>();
        for (var property : List.of("subject", "object", "owner", "asset", "director", "member", "organization")) {
            var values = fact.properties.get(property);
            if (values != null) {
                parties.addAll(values);
            }
        }
        return parties;
    }

    private static List<String> inferredNotes(Map<String, Object> p) {
        if (!(p.get("inferred") instanceof List<?> fields)) {
            return List.of();
        }
        var reasons = p.get("inferredBecause") instanceof List<?> list ? list : List.of();
        var notes = new ArrayList<String>();
        for (int i = 0; i < fields.size(); i++) {
            notes.add(FtmConventions.inferredNote(
                    String.valueOf(fields.get(i)), i < reasons.size() ? String.valueOf(reasons.get(i)) : ""));
        }
        return notes;
    }

    private static boolean isRetracted(Map<String, Object> p) {
        return Boolean.TRUE.equals(p.get("retracted"));
    }

    private boolean has(String label, String id) {
        return nodes.containsKey(key(label, id));
    }

    private static String key(String label, String id) {
        return label + ":" + id;
    }
}
