package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.dataflowatlas.NotFoundException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Which of the ids a write refers to exist, per label, in one statement (inside the writer's transaction). */
@Component
public class Existence {

    // Labels come from code (the model's labels), never from input; ids are parameters.
    private static final String MISSING = """
            UNWIND $checks AS check
            RETURN check.label AS label,
                   [id IN check.ids WHERE NOT EXISTS { MATCH (n:$(check.label) {id: id}) }] AS missing
            """;

    private final Neo4jClient neo4j;

    Existence(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Missing ids per label (labels without missing ids are absent). */
    public Map<String, Set<String>> missing(Map<String, ? extends Collection<String>> idsByLabel) {
        var checks = new ArrayList<Map<String, Object>>();
        idsByLabel.forEach((label, ids) -> {
            if (!ids.isEmpty()) {
                checks.add(Map.of("label", label, "ids", List.copyOf(ids)));
            }
        });
        if (checks.isEmpty()) {
            return Map.of();
        }
        var result = new java.util.LinkedHashMap<String, Set<String>>();
        neo4j.query(MISSING).bind(checks).to("checks").fetch().all().forEach(row -> {
            @SuppressWarnings("unchecked")
            var missing = (List<String>) row.get("missing");
            if (!missing.isEmpty()) {
                result.put((String) row.get("label"), new TreeSet<>(missing));
            }
        });
        return result;
    }

    /** Throws NOT_FOUND naming every missing id, with what to do about it. */
    public void requireAll(Map<String, ? extends Collection<String>> idsByLabel) {
        var missing = missing(idsByLabel);
        if (!missing.isEmpty()) {
            var parts = new ArrayList<String>();
            missing.forEach((label, ids) -> parts.add(label + " " + String.join(", ", ids)));
            throw new NotFoundException("No " + String.join("; no ", parts)
                    + ". Create them first (upsertOrganization, addSource, …) or correct the ids.");
        }
    }
}
