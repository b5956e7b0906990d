package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Read model of flows with Neo4jClient and explicit mapping: a flow is a node between two
 * organizations, which a Spring Data entity would not map without loading both ends.
 * Every query here serves many parents at once (UNWIND over ids), so GraphQL never asks per parent.
 */
@Repository
class FlowRepository {

    private static final String BY_ID = """
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: $id})-[:TO]->(t:Organization)
            RETURN $id AS key, f, s.id AS fromId, t.id AS toId
            """;

    // Retracted flows stay in the graph but are not part of an organization's current picture.
    private static final String OUT_OF = """
            UNWIND $ids AS key
            MATCH (:Organization {id: key})-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization)
            WHERE coalesce(f.retracted, false) = false
            RETURN key, f, key AS fromId, t.id AS toId
            ORDER BY f.id
            """;

    private static final String INTO = """
            UNWIND $ids AS key
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(:Organization {id: key})
            WHERE coalesce(f.retracted, false) = false
            RETURN key, f, s.id AS fromId, key AS toId
            ORDER BY f.id
            """;

    private static final String CATEGORIES = """
            UNWIND $ids AS key
            MATCH (:DataFlow {id: key})-[:CARRIES]->(c:DataCategory)
            RETURN key, c
            ORDER BY c.id
            """;

    private static final String PRODUCTS = """
            UNWIND $ids AS key
            MATCH (:DataFlow {id: key})-[:VIA]->(p:Product)
            RETURN key, p
            """;

    private final Neo4jClient neo4j;

    FlowRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Optional<DataFlow> findById(String id) {
        return neo4j.query(BY_ID)
                .bind(id)
                .to("id")
                .fetchAs(DataFlow.class)
                .mappedBy((types, record) -> mapFlow(record))
                .first();
    }

    Map<String, List<DataFlow>> sentBy(Collection<String> organizationIds) {
        return grouped(OUT_OF, organizationIds, FlowRepository::mapFlow);
    }

    Map<String, List<DataFlow>> receivedBy(Collection<String> organizationIds) {
        return grouped(INTO, organizationIds, FlowRepository::mapFlow);
    }

    Map<String, List<DataCategory>> categoriesOf(Collection<String> flowIds) {
        return grouped(
                CATEGORIES, flowIds, record -> mapCategory(record.get("c").asNode()));
    }

    Map<String, Product> productsOf(Collection<String> flowIds) {
        return grouped(PRODUCTS, flowIds, record -> mapProduct(record.get("p").asNode())).entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, entry -> entry.getValue().getFirst()));
    }

    /** Runs a query returning a {@code key} column and groups the mapped rows by it, in query order. */
    private <T> Map<String, List<T>> grouped(String query, Collection<String> keys, Function<Record, T> mapper) {
        record Row<T>(String key, T value) {}
        return neo4j
                .query(query)
                .bind(List.copyOf(keys))
                .to("ids")
                .fetchAs(Row.class)
                .mappedBy((types, record) -> new Row<>(record.get("key").asString(), mapper.apply(record)))
                .all()
                .stream()
                .map(row -> (Row<T>) row)
                .collect(Collectors.groupingBy(
                        Row::key, LinkedHashMap::new, Collectors.mapping(Row::value, Collectors.toList())));
    }

    private static DataFlow mapFlow(Record record) {
        Node f = record.get("f").asNode();
        var id = f.get("id").asString();
        return new DataFlow(
                id,
                record.get("fromId").asString(),
                record.get("toId").asString(),
                enumValue(Purpose.class, f, "purpose"),
                enumValue(AccessMethod.class, f, "accessMethod"),
                f.get("realTime").asBoolean(false),
                f.get("since").asString(null),
                f.get("until").asString(null),
                enumValue(Confidence.class, f, "confidence"),
                f.get("description").asString(null));
    }

    private static DataCategory mapCategory(Node c) {
        return new DataCategory(
                c.get("id").asString(),
                c.get("name").asString(c.get("id").asString()),
                c.get("origin").asString(null),
                c.get("description").asString(null));
    }

    private static Product mapProduct(Node p) {
        return new Product(
                p.get("id").asString(),
                p.get("name").asString(p.get("id").asString()),
                p.get("description").asString(null));
    }

    /** Data loaded with plain Cypher may hold any string: say which flow is wrong rather than fail obscurely. */
    private static <E extends Enum<E>> E enumValue(Class<E> type, Node flow, String property) {
        var value = flow.get(property).asString(null);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "Flow '" + flow.get("id").asString() + "' has " + property + " '" + value
                            + "', which is not one of " + java.util.Arrays.toString(type.getEnumConstants()),
                    ex);
        }
    }
}
