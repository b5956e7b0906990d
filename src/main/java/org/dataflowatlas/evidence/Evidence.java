package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;

/** A source and the passage of it that supports a fact. */
public record Evidence(Source source, @Nullable String quote, List<Inference> inferences) {
    /** Evidence from its source node and the EVIDENCED_BY relationship, which holds the quote and any marks. */
    public static Evidence of(Value source, Value evidencedBy) {
        var relationship = evidencedBy.asRelationship();
        return new Evidence(
                Source.of(source.asNode()), relationship.get("quote").asString(null), Inference.of(relationship));
    }

    /** A list of {source: node, quote} maps, as evidence (see RelationshipEvidence.read); such evidence carries no marks. */
    public static List<Evidence> listOf(Value items) {
        return items.asList(item -> new Evidence(
                Source.of(item.get("source").asNode()), item.get("quote").asString(null), List.of()));
    }
}
