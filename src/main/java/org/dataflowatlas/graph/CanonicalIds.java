package org.dataflowatlas.graph;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The one place an id is resolved to an organization: its own id, or the id of an organization
 * merged into it (kept as a MergedOrganization pointing to the one it was merged into). Every
 * capability that takes organization ids resolves them here.
 */
@Component
public class CanonicalIds {

    /** Binds {@code o} to the organization each of {@code $ids} names, per {@code key}; unknown ids give no row. */
    public static final String RESOLVE = """
            UNWIND $ids AS key
            OPTIONAL MATCH (direct:Organization {id: key})
            OPTIONAL MATCH (:MergedOrganization {id: key})-[:MERGED_INTO]->(merged:Organization)
            WITH key, coalesce(direct, merged) AS o
            WHERE o IS NOT NULL
            """;

    private static final String CANONICAL = RESOLVE + "RETURN key, o.id AS id";

    private final Neo4jClient neo4j;

    CanonicalIds(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The id of the organization each id names (itself, or the one it was merged into); unknown ids map to themselves. */
    public Map<String, String> of(Collection<String> ids) {
        var found = ids.isEmpty()
                ? Map.<String, String>of()
                : KeyedQuery.single(
                        neo4j, CANONICAL, ids, record -> record.get("id").asString());
        var result = new LinkedHashMap<String, String>();
        ids.forEach(id -> result.put(id, found.getOrDefault(id, id)));
        return result;
    }

    /** {@link #of(Collection)} for one id. */
    public String of(String id) {
        return of(List.of(id)).get(id);
    }
}
