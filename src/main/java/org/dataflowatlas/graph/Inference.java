package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Entity;

/**
 * One value the sources do not state themselves, with the reasoning that led to it: a date worked
 * out from "last summer", a channel implied by context. {@code field} names the API field (or
 * {@link #FACT} for the whole fact). Stored on the node or relationship as two parallel lists,
 * {@code inferred} and {@code inferredBecause}, so plain Cypher, Browser and exports see them too.
 */
public record Inference(String field, String reasoning) {

    /** The field name that marks the whole fact as inferred. */
    public static final String FACT = "fact";

    /** The marks a node or relationship carries, in the order they were recorded. */
    public static List<Inference> of(Entity entity) {
        var fields = entity.get("inferred").asList(Value::asString, List.<String>of());
        var reasons = entity.get("inferredBecause").asList(Value::asString, List.<String>of());
        if (fields.size() != reasons.size()) {
            // Data loaded with plain Cypher may pair them wrongly: name the entity rather than guess.
            throw new IllegalStateException("'" + entity.get("id").asString(entity.elementId()) + "' lists "
                    + fields.size() + " inferred fields but " + reasons.size()
                    + " reasons (inferredBecause); the two lists must be the same length.");
        }
        var inferences = new ArrayList<Inference>(fields.size());
        for (int i = 0; i < fields.size(); i++) {
            inferences.add(new Inference(fields.get(i), reasons.get(i)));
        }
        return List.copyOf(inferences);
    }
}
