package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** A kind of data; {@code origin} is the id of the organization whose users or sensors produced it. */
public record DataCategory(
        String id,
        String name,
        @Nullable String origin,
        @Nullable String description,
        List<Inference> inferences) {
    public static DataCategory of(Node c) {
        return new DataCategory(
                c.get("id").asString(),
                c.get("name").asString(c.get("id").asString()),
                c.get("origin").asString(null),
                c.get("description").asString(null),
                Inference.of(c));
    }
}
