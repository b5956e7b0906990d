package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.graph.Nodes;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/**
 * A contract between organizations. {@code approvedPurposes} is what the agreement is known to
 * approve; null when its terms on use are unknown (as for X's contract with Dataminr). A retracted
 * one is kept, marked.
 */
public record Agreement(
        String id,
        String title,
        @Nullable String signed,
        @Nullable String expires,
        @Nullable List<Purpose> approvedPurposes,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {
    public static Agreement of(Node a) {
        return new Agreement(
                a.get("id").asString(),
                a.get("title").asString(a.get("id").asString()),
                a.get("signed").asString(null),
                a.get("expires").asString(null),
                a.get("approvedPurposes").isNull() ? null : Nodes.enumList(Purpose.class, a, "approvedPurposes"),
                a.get("description").asString(null),
                a.get("retracted").asBoolean(false),
                Inference.of(a));
    }
}
