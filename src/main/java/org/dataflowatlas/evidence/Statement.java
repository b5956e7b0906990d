package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** What a person or organization said, as reported in a source. A retracted one is kept, marked. */
public record Statement(
        String id,
        String text,
        @Nullable String date,
        boolean paraphrase,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {
    public static Statement of(Node s) {
        return new Statement(
                s.get("id").asString(),
                s.get("text").asString(""),
                s.get("date").asString(null),
                s.get("paraphrase").asBoolean(false),
                s.get("description").asString(null),
                s.get("retracted").asBoolean(false),
                Inference.of(s));
    }
}
