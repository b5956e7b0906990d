package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.graph.Nodes;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** A document, report, filing or dataset that facts rest on. */
public record Source(
        String id,
        String title,
        SourceKind kind,
        @Nullable String url,
        @Nullable String published,
        @Nullable String description,
        @Nullable String text,
        List<Inference> inferences) {
    public static Source of(Node s) {
        return new Source(
                s.get("id").asString(),
                s.get("title").asString(s.get("id").asString()),
                Nodes.enumValue(SourceKind.class, s, "kind"),
                s.get("url").asString(null),
                s.get("published").asString(null),
                s.get("description").asString(null),
                s.get("text").asString(null),
                Inference.of(s));
    }
}
