package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.graph.Nodes;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/**
 * One organization passing data to another. A retracted flow stays in the graph, marked, with the
 * reason and its evidence. The ends are always known by id ({@code fromId}, {@code toId}); statements
 * that match the end nodes anyway bring them along ({@code sender}, {@code recipient}), so GraphQL's
 * {@code from} and {@code to} need no further statement for those flows.
 */
public record DataFlow(
        String id,
        String fromId,
        String toId,
        Purpose purpose,
        AccessMethod accessMethod,
        boolean realTime,
        @Nullable String since,
        @Nullable String until,
        Confidence confidence,
        @Nullable String description,
        boolean retracted,
        @Nullable String retractionReason,
        @Nullable Organization sender,
        @Nullable Organization recipient,
        List<Inference> inferences) {

    /**
     * By id: equal flows have equal ids, and GraphQL batch mappings hash flows as map keys, which
     * would otherwise hash both end organizations too.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    /**
     * A flow from a record or map with the flow node {@code f} and either its end nodes {@code s} and
     * {@code t} or just their ids, {@code fromId} and {@code toId}.
     */
    public static DataFlow of(MapAccessor row) {
        var f = row.get("f").asNode();
        if (row.containsKey("s")) {
            return of(
                    f,
                    Organization.of(row.get("s").asNode()),
                    Organization.of(row.get("t").asNode()));
        }
        return of(f, row.get("fromId").asString(), row.get("toId").asString(), null, null);
    }

    /** A flow known with its ends. */
    public static DataFlow of(Node f, Organization sender, Organization recipient) {
        return of(f, sender.id(), recipient.id(), sender, recipient);
    }

    /** A flow known with the ids of its ends only. */
    public static DataFlow of(Node f, String fromId, String toId) {
        return of(f, fromId, toId, null, null);
    }

    private static DataFlow of(
            Node f, String fromId, String toId, @Nullable Organization sender, @Nullable Organization recipient) {
        return new DataFlow(
                f.get("id").asString(),
                fromId,
                toId,
                Nodes.enumValue(Purpose.class, f, "purpose"),
                Nodes.enumValue(AccessMethod.class, f, "accessMethod"),
                f.get("realTime").asBoolean(false),
                f.get("since").asString(null),
                f.get("until").asString(null),
                Nodes.enumValue(Confidence.class, f, "confidence"),
                f.get("description").asString(null),
                f.get("retracted").asBoolean(false),
                f.get("retractionReason").asString(null),
                sender,
                recipient,
                Inference.of(f));
    }

    /**
     * This flow as it read at a recorded instant: what a correction or a moved end changed as its
     * revision then says (none: as now), between the given ends; its id and retraction as now
     * (recorded time reads the retraction from its own instant).
     */
    public DataFlow asRecorded(
            @Nullable Node revision, @Nullable Organization sender, @Nullable Organization recipient) {
        if (revision == null && sender == this.sender && recipient == this.recipient) {
            return this;
        }
        var now = revision == null;
        return new DataFlow(
                id,
                fromId,
                toId,
                now ? purpose : Nodes.enumValue(Purpose.class, revision, "purpose"),
                now ? accessMethod : Nodes.enumValue(AccessMethod.class, revision, "accessMethod"),
                now ? realTime : revision.get("realTime").asBoolean(false),
                now ? since : revision.get("since").asString(null),
                now ? until : revision.get("until").asString(null),
                now ? confidence : Nodes.enumValue(Confidence.class, revision, "confidence"),
                now ? description : revision.get("description").asString(null),
                retracted,
                retractionReason,
                sender,
                recipient,
                inferences);
    }
}
