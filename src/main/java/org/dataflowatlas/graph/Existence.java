package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    // Which of the labels (from code) each id has, for references that may name any kind of entity.
    private static final String LABELS = """
            UNWIND $ids AS id
            RETURN id, [label IN $labels WHERE EXISTS { MATCH (n:$(label) {id: id}) }] AS labels
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
        var result = new LinkedHashMap<String, Set<String>>();
        neo4j.query(MISSING).bind(checks).to("checks").fetch().all().forEach(row -> {
            @SuppressWarnings("unchecked")
            var missing = (List<String>) row.get("missing");
            if (!missing.isEmpty()) {
                result.put((String) row.get("label"), new TreeSet<>(missing));
            }
        });
        return result;
    }

    /**
     * The one label among {@code labels} that each id has, for a reference that may name any of
     * them (what an event involves, who made a statement). NOT_FOUND names the ids that have none;
     * BAD_REQUEST names an id that several kinds of entity share, since the reference would be ambiguous.
     */
    public Map<String, String> requireOneLabel(String field, Collection<String> ids, List<String> labels) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var found = new LinkedHashMap<String, String>();
        var missing = new TreeSet<String>();
        neo4j.query(LABELS)
                .bindAll(Map.of("ids", List.copyOf(ids), "labels", labels))
                .fetch()
                .all()
                .forEach(row -> {
                    var id = (String) row.get("id");
                    @SuppressWarnings("unchecked")
                    var has = (List<String>) row.get("labels");
                    if (has.isEmpty()) {
                        missing.add(id);
                    } else if (has.size() > 1) {
                        throw new org.dataflowatlas.InvalidInputException(field + ": '" + id + "' is the id of a "
                                + String.join(" and of a ", has) + "; the reference is ambiguous. Record the fact"
                                + " with the specific mutation for one of them, or give one of them another id.");
                    } else {
                        found.put(id, has.getFirst());
                    }
                });
        if (!missing.isEmpty()) {
            throw new NotFoundException(field + ": nothing has the id " + String.join(", ", missing) + " (looked for "
                    + String.join(", ", labels) + "). Create it first or correct the id; search(text: …) finds ids.");
        }
        return found;
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
