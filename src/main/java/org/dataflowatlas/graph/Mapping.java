package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dataflowatlas.evidence.Event;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.evidence.SourceKind;
import org.dataflowatlas.evidence.Statement;
import org.dataflowatlas.flow.AccessMethod;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.DataCategory;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.Product;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.Person;
import org.dataflowatlas.policy.Agreement;
import org.dataflowatlas.policy.Policy;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/**
 * Node-to-record mapping for every read model, in one place: queries in any capability return
 * nodes, and this turns them into the records the API serves.
 */
public final class Mapping {

    private Mapping() {}

    public static Organization organization(Node node) {
        return new Organization(
                node.get("id").asString(),
                node.get("name").asString(node.get("id").asString()),
                kindOf(node),
                node.get("aliases").asList(Value::asString, List.of()),
                node.get("country").asString(null),
                node.get("jurisdiction").asString(null),
                node.get("jurisdictions").asList(Value::asString, List.of()),
                node.get("description").asString(null),
                node.get("group").asBoolean(false),
                node.get("estimatedSize").asString(null),
                Inference.of(node));
    }

    public static @Nullable OrgKind kindOf(Node node) {
        var labels = new ArrayList<String>();
        node.labels().forEach(labels::add);
        for (var kind : OrgKind.values()) {
            if (labels.contains(kind.label())) {
                return kind;
            }
        }
        return null;
    }

    /**
     * A flow from a record or map with the flow node {@code f} and either its end nodes {@code s} and
     * {@code t} or just their ids, {@code fromId} and {@code toId}.
     */
    public static DataFlow flow(MapAccessor row) {
        var f = row.get("f").asNode();
        if (row.containsKey("s")) {
            return flow(
                    f,
                    organization(row.get("s").asNode()),
                    organization(row.get("t").asNode()));
        }
        return flow(f, row.get("fromId").asString(), row.get("toId").asString(), null, null);
    }

    /** A flow known with its ends. */
    public static DataFlow flow(Node f, Organization sender, Organization recipient) {
        return flow(f, sender.id(), recipient.id(), sender, recipient);
    }

    /** A flow known with the ids of its ends only. */
    public static DataFlow flow(Node f, String fromId, String toId) {
        return flow(f, fromId, toId, null, null);
    }

    private static DataFlow flow(
            Node f, String fromId, String toId, @Nullable Organization sender, @Nullable Organization recipient) {
        return new DataFlow(
                f.get("id").asString(),
                fromId,
                toId,
                enumValue(Purpose.class, f, "purpose"),
                enumValue(AccessMethod.class, f, "accessMethod"),
                f.get("realTime").asBoolean(false),
                f.get("since").asString(null),
                f.get("until").asString(null),
                enumValue(Confidence.class, f, "confidence"),
                f.get("description").asString(null),
                f.get("retracted").asBoolean(false),
                f.get("retractionReason").asString(null),
                sender,
                recipient,
                Inference.of(f));
    }

    public static DataCategory category(Node c) {
        return new DataCategory(
                c.get("id").asString(),
                c.get("name").asString(c.get("id").asString()),
                c.get("origin").asString(null),
                c.get("description").asString(null),
                Inference.of(c));
    }

    public static Product product(Node p) {
        return new Product(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                p.get("description").asString(null),
                Inference.of(p));
    }

    public static Source source(Node s) {
        return new Source(
                s.get("id").asString(),
                s.get("title").asString(s.get("id").asString()),
                enumValue(SourceKind.class, s, "kind"),
                s.get("url").asString(null),
                s.get("published").asString(null),
                s.get("description").asString(null),
                s.get("text").asString(null),
                Inference.of(s));
    }

    public static Person person(Node p) {
        return new Person(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                p.get("aliases").asList(Value::asString, List.of()),
                p.get("description").asString(null),
                Inference.of(p));
    }

    public static Event event(Node e) {
        return new Event(
                e.get("id").asString(),
                e.get("title").asString(e.get("id").asString()),
                e.get("date").asString(null),
                e.get("description").asString(null),
                e.get("retracted").asBoolean(false),
                Inference.of(e));
    }

    public static Statement statement(Node s) {
        return new Statement(
                s.get("id").asString(),
                s.get("text").asString(""),
                s.get("date").asString(null),
                s.get("paraphrase").asBoolean(false),
                s.get("description").asString(null),
                s.get("retracted").asBoolean(false),
                Inference.of(s));
    }

    public static Policy policy(Node p) {
        return new Policy(
                p.get("id").asString(),
                p.get("title").asString(p.get("id").asString()),
                enumList(Purpose.class, p, "prohibitedPurposes"),
                p.get("exception").asString(null),
                p.get("effective").asString(null),
                p.get("until").asString(null),
                p.get("description").asString(null),
                p.get("retracted").asBoolean(false),
                Inference.of(p));
    }

    public static Agreement agreement(Node a) {
        return new Agreement(
                a.get("id").asString(),
                a.get("title").asString(a.get("id").asString()),
                a.get("signed").asString(null),
                a.get("expires").asString(null),
                a.get("approvedPurposes").isNull() ? null : enumList(Purpose.class, a, "approvedPurposes"),
                a.get("description").asString(null),
                a.get("retracted").asBoolean(false),
                Inference.of(a));
    }

    /** Evidence from its source node and the EVIDENCED_BY relationship, which holds the quote and any marks. */
    public static Evidence evidence(Value source, Value evidencedBy) {
        var relationship = evidencedBy.asRelationship();
        return new Evidence(
                source(source.asNode()), relationship.get("quote").asString(null), Inference.of(relationship));
    }

    /** A list of {source: node, quote} maps, as evidence (see RelationshipEvidence.read); such evidence carries no marks. */
    public static List<Evidence> evidence(Value items) {
        return items.asList(item -> new Evidence(
                source(item.get("source").asNode()), item.get("quote").asString(null), List.of()));
    }

    /** A retraction from its reason and its evidence as {source, quote} maps; null unless retracted. */
    public static @Nullable Retraction retraction(boolean retracted, Value reason, Value evidence) {
        return retracted ? new Retraction(reason.asString(""), evidence(evidence)) : null;
    }

    /**
     * Any node of the model as its record (for search hits, timelines, statement subjects). A flow
     * needs its ends: pass them (or null for other nodes).
     */
    public static Object entity(Node node, @Nullable String fromId, @Nullable String toId) {
        if (node.hasLabel("Organization")) {
            return organization(node);
        }
        if (node.hasLabel("DataFlow")) {
            return flow(node, String.valueOf(fromId), String.valueOf(toId));
        }
        if (node.hasLabel("Person")) {
            return person(node);
        }
        if (node.hasLabel("Product")) {
            return product(node);
        }
        if (node.hasLabel("DataCategory")) {
            return category(node);
        }
        if (node.hasLabel("Source")) {
            return source(node);
        }
        if (node.hasLabel("Event")) {
            return event(node);
        }
        if (node.hasLabel("Statement")) {
            return statement(node);
        }
        if (node.hasLabel("Policy")) {
            return policy(node);
        }
        if (node.hasLabel("Agreement")) {
            return agreement(node);
        }
        throw new IllegalStateException(
                "Node " + node.get("id") + " with labels " + node.labels() + " is not part of the model");
    }

    /** Data loaded with plain Cypher may hold any string: say which node is wrong rather than fail obscurely. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, Node node, String property) {
        var value = node.get(property).asString(null);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "Node '" + node.get("id").asString(null) + "' has " + property + " '" + value
                            + "', which is not one of " + Arrays.toString(type.getEnumConstants()),
                    ex);
        }
    }

    private static <E extends Enum<E>> List<E> enumList(Class<E> type, Node node, String property) {
        return node.get(property).asList(Value::asString, List.<String>of()).stream()
                .map(value -> {
                    try {
                        return Enum.valueOf(type, value);
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalStateException(
                                "Node '" + node.get("id").asString(null) + "' lists " + property + " '" + value
                                        + "', which is not one of " + Arrays.toString(type.getEnumConstants()));
                    }
                })
                .toList();
    }
}
