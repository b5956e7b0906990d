package org.dataflowatlas.policy;

import java.util.List;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.graph.Nodes;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** Terms an organization publishes about the use of its data; a retracted one is kept, marked. */
public record Policy(
        String id,
        String title,
        List<Purpose> prohibitedPurposes,
        @Nullable String exception,
        @Nullable String effective,
        @Nullable String until,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {
    public static Policy of(Node p) {
        return new Policy(
                p.get("id").asString(),
                p.get("title").asString(p.get("id").asString()),
                Nodes.enumList(Purpose.class, p, "prohibitedPurposes"),
                p.get("exception").asString(null),
                p.get("effective").asString(null),
                p.get("until").asString(null),
                p.get("description").asString(null),
                p.get("retracted").asBoolean(false),
                Inference.of(p));
    }
}
