package org.dataflowatlas.graph;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Runs a batch query — {@code UNWIND $ids AS key … RETURN key, …} — and groups the mapped rows by
 * key, in query order. One statement serves a whole level of a GraphQL response.
 */
public final class KeyedQuery {

    private KeyedQuery() {}

    public static <T> Map<String, List<T>> grouped(
            Neo4jClient neo4j, String query, Collection<String> keys, Function<Record, T> mapper) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        record Row(String key, Object value) {}
        return neo4j
                .query(query)
                .bind(List.copyOf(keys))
                .to("ids")
                .fetchAs(Row.class)
                .mappedBy((types, record) -> new Row(record.get("key").asString(), mapper.apply(record)))
                .all()
                .stream()
                .collect(Collectors.groupingBy(
                        Row::key,
                        LinkedHashMap::new,
                        Collectors.mapping(row -> KeyedQuery.<T>cast(row.value()), Collectors.toList())));
    }

    /** For queries with at most one row per key. */
    public static <T> Map<String, T> single(
            Neo4jClient neo4j, String query, Collection<String> keys, Function<Record, T> mapper) {
        return grouped(neo4j, query, keys, mapper).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().getFirst()));
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }
}
