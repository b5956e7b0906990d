package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/**
 * Something that happened: a ruling, an investigation, a confirmation, a registration, a lobbying
 * filing (with its amount). A retracted one is kept, marked.
 */
public record Event(
        String id,
        String title,
        @Nullable String date,
        @Nullable String description,
        @Nullable Double amount,
        @Nullable String currency,
        boolean retracted,
        List<Inference> inferences) {
    public static Event of(Node e) {
        return new Event(
                e.get("id").asString(),
                e.get("title").asString(e.get("id").asString()),
                e.get("date").asString(null),
                e.get("description").asString(null),
                e.get("amount").isNull() ? null : e.get("amount").asDouble(),
                e.get("currency").asString(null),
                e.get("retracted").asBoolean(false),
                Inference.of(e));
    }
}
