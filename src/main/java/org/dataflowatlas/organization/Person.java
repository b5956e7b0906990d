package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** A person who owns, works for or speaks for an organization. */
public record Person(
        String id,
        String name,
        List<String> aliases,
        @Nullable String description,
        List<Inference> inferences) {
    public static Person of(Node p) {
        return new Person(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                p.get("aliases").asList(Value::asString, List.of()),
                p.get("description").asString(null),
                Inference.of(p));
    }
}
