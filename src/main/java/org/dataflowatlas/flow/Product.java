package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** A product or channel data passes through. */
public record Product(String id, String name, @Nullable String description, List<Inference> inferences) {
    public static Product of(Node p) {
        return new Product(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                p.get("description").asString(null),
                Inference.of(p));
    }
}
