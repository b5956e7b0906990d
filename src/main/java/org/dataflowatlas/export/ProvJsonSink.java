package org.dataflowatlas.export;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One W3C PROV-JSON document: organizations and people are agents; data categories, sources and
 * the data a flow delivers are entities; each data flow is an activity (its interval as
 * {@code prov:startTime}/{@code prov:endTime}) that {@code used} the categories it carries and
 * generated what the receiver holds. A vendor {@code actedOnBehalfOf} the agency it serves where the
 * flow's purpose is the agency's mission; a person {@code actedOnBehalfOf} the organization they hold
 * a role in. What the sources say is kept as a record entity per flow that {@code wasDerivedFrom}
 * each source, with the quote. The whole document is held in memory and written once, sorted, so the
 * same graph gives the same file.
 */
final class ProvJsonSink extends Sink {

    static final String NAMESPACE = "https://dataflowatlas.org/ns#";

    /** Purposes that are an agency's own mission: a vendor serving an agency for these acts on its behalf. */
    private static final Set<String> AGENCY_MISSIONS = Set.of("LAW_ENFORCEMENT", "NATIONAL_SECURITY", "PUBLIC_SAFETY");

    private static final java.time.format.DateTimeFormatter INSTANT =
            java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private record Node(List<String> labels, Map<String, Object> properties) {}

    private record Link(String type, Map<String, Object> properties, String startLabel, String startId, String endId) {}

    private final Writer out;
    private final Map<String, Node> nodes = new TreeMap<>();
    private final List<Link> links = new ArrayList<>();
    private final Map<String, List<Link>> outgoing = new HashMap<>();
    private final Map<String, List<Link>> incoming = new HashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> document = new LinkedHashMap<>();
    private final Map<String, Integer> relationCounters = new TreeMap<>();
    private long written;

    ProvJsonSink(Writer out) {
        this.out = out;
    }

    @Override
    void node(List<String> labels, Map<String, Object> properties) {
        nodes.put(GraphExporter.idLabel(labels) + ":" + properties.get("id"), new Node(labels, properties));
    }

    @Override
    void relationship(
            String type,
            Map<String, Object> properties,
            String startLabel,
            String startId,
            String endLabel,
            String endId) {
        links.add(new Link(type, properties, startLabel, startId, endId));
    }

    @Override
    long written() {
        return written;
    }

    static String qualified(String label, String id) {
        return "atlas:"
                + switch (label) {
                    case "Organization" -> "org-";
                    case "Person" -> "person-";
                    case "DataCategory" -> "category-";
                    case "Source" -> "source-";
                    case "DataFlow" -> "flow-";
                    default -> throw new IllegalArgumentException(label);
                }
                + id;
    }

    @Override
    void end() throws IOException {
        // Parallel relationships come in no set order, and relations are numbered in order: fix one.
        links.sort(Comparator.comparing((Link link) -> link.type() + "|" + link.startLabel() + "|" + link.startId()
                + "|" + link.endId() + "|" + new TreeMap<>(link.properties())));
        for (var link : links) {
            outgoing.computeIfAbsent(link.startLabel() + ":" + link.startId(), k -> new ArrayList<>())
                    .add(link);
            incoming.computeIfAbsent(link.endId(), k -> new ArrayList<>()).add(link);
        }
        for (var node : nodes.values()) {
            var p = node.properties();
            if (Boolean.TRUE.equals(p.get("retracted"))) {
                continue;
            }
            var id = (String) p.get("id");
            switch (GraphExporter.idLabel(node.labels())) {
                case "Organization" -> {
                    var agent = record("agent", qualified("Organization", id));
                    agent.put("prov:type", qname("prov:Organization"));
                    agent.put("prov:label", p.get("name"));
                    node.labels().stream()
                            .filter(label -> !label.equals("Organization"))
                            .findFirst()
                            .ifPresent(kind -> agent.put("atlas:kind", kind));
                    copy(p, agent, "aliases", "country", "jurisdiction", "jurisdictions", "estimatedSize");
                    if (Boolean.TRUE.equals(p.get("group"))) {
                        agent.put("atlas:group", true);
                    }
                    inferred(p, agent);
                }
                case "Person" -> {
                    var agent = record("agent", qualified("Person", id));
                    agent.put("prov:type", qname("prov:Person"));
                    agent.put("prov:label", p.get("name"));
                    inferred(p, agent);
                }
                case "DataCategory" -> {
                    var entity = record("entity", qualified("DataCategory", id));
                    entity.put("prov:type", qname("atlas:DataCategory"));
                    entity.put("prov:label", p.get("name"));
                    copy(p, entity, "description");
                    inferred(p, entity);
                    if (p.get("origin") instanceof String origin && has("Organization", origin)) {
                        relation(
                                "wasAttributedTo",
                                Map.of(
                                        "prov:entity",
                                        qualified("DataCategory", id),
                                        "prov:agent",
                                        qualified("Organization", origin),
                                        "prov:role",
                                        "origin"));
                    }
                }
                case "Source" -> {
                    var entity = record("entity", qualified("Source", id));
                    entity.put("prov:type", qname("atlas:Source"));
                    entity.put("prov:label", p.get("title"));
                    if (p.get("url") instanceof String url) {
                        entity.put("prov:location", url);
                    }
                    copy(p, entity, "kind", "published", "licence", "attribution");
                    inferred(p, entity);
                }
                case "DataFlow" -> flow(p);
                default -> {
                    // Products, agreements, policies, events and statements stay in the richer exports.
                }
            }
        }
        for (var link : links) {
            switch (link.type()) {
                case "DERIVED_FROM" -> {
                    if (has("DataCategory", link.startId()) && has("DataCategory", link.endId())) {
                        relation(
                                "wasDerivedFrom",
                                Map.of(
                                        "prov:generatedEntity", qualified("DataCategory", link.startId()),
                                        "prov:usedEntity", qualified("DataCategory", link.endId())));
                    }
                }
                case "PUBLISHED_BY" -> {
                    if (has("Source", link.startId()) && has("Organization", link.endId())) {
                        relation(
                                "wasAttributedTo",
                                Map.of(
                                        "prov:entity", qualified("Source", link.startId()),
                                        "prov:agent", qualified("Organization", link.endId()),
                                        "prov:role", "publisher"));
                    }
                }
                case "ROLE" -> {
                    if (has("Person", link.startId()) && has("Organization", link.endId())) {
                        var delegation = new LinkedHashMap<String, Object>();
                        delegation.put("prov:delegate", qualified("Person", link.startId()));
                        delegation.put("prov:responsible", qualified("Organization", link.endId()));
                        delegation.put("atlas:title", link.properties().get("title"));
                        copy(link.properties(), delegation, "since", "until");
                        relation("actedOnBehalfOf", delegation);
                    }
                }
                default -> {}
            }
        }
        var sorted = new LinkedHashMap<String, Object>();
        sorted.put("prefix", Map.of("atlas", NAMESPACE));
        document.forEach((kind, records) -> sorted.put(kind, new TreeMap<>(records)));
        var text = JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .build()
                .writeValueAsString(sorted);
        out.write(text);
        out.write('\n');
        out.flush();
        written = document.values().stream().mapToLong(Map::size).sum();
    }

    private void flow(Map<String, Object> p) {
        var id = (String) p.get("id");
        var sender = find("SENDS", null, id);
        var receiver = find("TO", id, null);
        if (sender == null || receiver == null || !has("Organization", sender) || !has("Organization", receiver)) {
            return;
        }
        var flow = qualified("DataFlow", id);
        var activity = record("activity", flow);
        activity.put("prov:type", qname("atlas:DataFlow"));
        activity.put("prov:label", label(sender) + " → " + label(receiver) + " (" + p.get("purpose") + ")");
        // PROV times are instants: a partial date starts at its first day and ends after its last.
        if (p.get("since") instanceof String since) {
            activity.put(
                    "prov:startTime",
                    INSTANT.format(
                            PartialDate.parse(since).first().atStartOfDay().atOffset(ZoneOffset.UTC)));
        }
        if (p.get("until") instanceof String until) {
            activity.put(
                    "prov:endTime",
                    INSTANT.format(
                            PartialDate.parse(until).last().atTime(23, 59, 59).atOffset(ZoneOffset.UTC)));
        }
        copy(
                p,
                activity,
                "since",
                "until",
                "purpose",
                "accessMethod",
                "realTime",
                "confidence",
                "description",
                "evidencedSince");
        inferred(p, activity);
        association(flow, sender, "sender");
        association(flow, receiver, "receiver");
        for (var link : outgoing.getOrDefault("DataFlow:" + id, List.of())) {
            if (!link.startLabel().equals("DataFlow") || !link.startId().equals(id)) {
                continue;
            }
            if (link.type().equals("CARRIES") && has("DataCategory", link.endId())) {
                var category = qualified("DataCategory", link.endId());
                relation("used", Map.of("prov:activity", flow, "prov:entity", category));
                // What the receiver holds afterwards: generated by the flow, derived from what it carried.
                var delivered = "atlas:delivered-" + id + "--" + link.endId();
                var entity = record("entity", delivered);
                entity.put("prov:type", qname("atlas:DeliveredData"));
                entity.put("prov:label", label("DataCategory", link.endId()) + " as received by " + label(receiver));
                relation("wasGeneratedBy", Map.of("prov:entity", delivered, "prov:activity", flow));
                relation(
                        "wasDerivedFrom",
                        Map.of("prov:generatedEntity", delivered, "prov:usedEntity", category, "prov:activity", flow));
                relation(
                        "wasAttributedTo",
                        Map.of(
                                "prov:entity",
                                delivered,
                                "prov:agent",
                                qualified("Organization", receiver),
                                "prov:role",
                                "holder"));
            }
        }
        // The record of the flow, derived from each source with the passage it rests on.
        var factId = "atlas:record-flow-" + id;
        var fact = record("entity", factId);
        fact.put("prov:type", qname("atlas:FlowRecord"));
        fact.put("prov:label", "What the sources say about " + activity.get("prov:label"));
        fact.put("atlas:about", qname(flow));
        for (var link : outgoing.getOrDefault("DataFlow:" + id, List.of())) {
            if (link.type().equals("EVIDENCED_BY")
                    && link.startLabel().equals("DataFlow")
                    && link.startId().equals(id)
                    && has("Source", link.endId())) {
                var derivation = new LinkedHashMap<String, Object>();
                derivation.put("prov:generatedEntity", factId);
                derivation.put("prov:usedEntity", qualified("Source", link.endId()));
                derivation.put("prov:type", qname("prov:PrimarySource"));
                if (link.properties().get("quote") instanceof String quote) {
                    derivation.put("atlas:quote", quote);
                }
                relation("wasDerivedFrom", derivation);
            }
        }
        if (isVendor(sender) && isAgency(receiver) && AGENCY_MISSIONS.contains(String.valueOf(p.get("purpose")))) {
            var delegation = new LinkedHashMap<String, Object>();
            delegation.put("prov:delegate", qualified("Organization", sender));
            delegation.put("prov:responsible", qualified("Organization", receiver));
            delegation.put("prov:activity", flow);
            delegation.put("atlas:inferred", true);
            delegation.put(
                    "atlas:inferredBecause",
                    "A vendor sends this agency data for " + p.get("purpose")
                            + ", the agency's own mission: the vendor does that work for the agency. No source states"
                            + " the delegation itself.");
            relation("actedOnBehalfOf", delegation);
        }
    }

    private void association(String flow, String organization, String role) {
        relation(
                "wasAssociatedWith",
                Map.of(
                        "prov:activity",
                        flow,
                        "prov:agent",
                        qualified("Organization", organization),
                        "prov:role",
                        role));
    }

    private Map<String, Object> record(String kind, String id) {
        var record = new TreeMap<String, Object>();
        document.computeIfAbsent(kind, k -> new TreeMap<>()).put(id, record);
        return record;
    }

    /** A relation under a blank-node id; numbered per kind in the order met, which is stable for one graph. */
    private void relation(String kind, Map<String, Object> attributes) {
        int n = relationCounters.merge(kind, 1, Integer::sum);
        document.computeIfAbsent(kind, k -> new TreeMap<>())
                .put("_:" + kind + "-" + String.format("%05d", n), new TreeMap<>(attributes));
    }

    private static Map<String, String> qname(String name) {
        return Map.of("$", name, "type", "prov:QUALIFIED_NAME");
    }

    private static void copy(Map<String, Object> from, Map<String, Object> to, String... names) {
        for (var name : names) {
            var value = from.get(name);
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                to.put("atlas:" + name, value);
            }
        }
    }

    private static void inferred(Map<String, Object> from, Map<String, Object> to) {
        copy(from, to, "inferred", "inferredBecause");
    }

    private @Nullable String find(String type, @Nullable String start, @Nullable String end) {
        var candidates = start != null
                ? outgoing.getOrDefault("DataFlow:" + start, List.of())
                : incoming.getOrDefault(end, List.of());
        for (var link : candidates) {
            if (link.type().equals(type)
                    && (start == null || link.startId().equals(start))
                    && (end == null || link.endId().equals(end))) {
                return start == null ? link.startId() : link.endId();
            }
        }
        return null;
    }

    private boolean isVendor(String organization) {
        var node = nodes.get("Organization:" + organization);
        return node != null && node.labels().contains("Vendor");
    }

    private boolean isAgency(String organization) {
        var node = nodes.get("Organization:" + organization);
        return node != null && node.labels().contains("Agency");
    }

    private String label(String organization) {
        return label("Organization", organization);
    }

    private String label(String label, String id) {
        var node = nodes.get(label + ":" + id);
        return node == null ? id : String.valueOf(node.properties().getOrDefault("name", id));
    }

    private boolean has(String label, String id) {
        return nodes.containsKey(label + ":" + id);
    }
}
