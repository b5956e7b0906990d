package org.dataflowatlas.flow;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.graph.Lineage;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Product and category writes: one statement each, MERGE on ids; absent fields keep their value, links are added. */
@Repository
class CatalogWrites {

    private static final String UPSERT_PRODUCT = """
            MERGE (p:Product {id: $id})
            SET p.name = coalesce($name, p.name), p.description = coalesce($description, p.description)
            WITH p
            CALL (p) {
              WITH p WHERE $offeredBy IS NOT NULL
              MATCH (o:Organization {id: $offeredBy})
              MERGE (o)-[:OFFERS]->(p)
            }
            RETURN p
            """;

    private static final String UPSERT_CATEGORY = """
            MERGE (c:DataCategory {id: $id})
            SET c.name = coalesce($name, c.name),
                c.origin = coalesce($origin, c.origin),
                c.description = coalesce($description, c.description)
            WITH c
            CALL (c) {
              UNWIND $derivedFrom AS parentId
              MATCH (parent:DataCategory {id: parentId})
              MERGE (c)-[:DERIVED_FROM]->(parent)
            }
            RETURN c
            """;

    // A parent that already derives (transitively) from the category would make it derive from itself.
    private static final String DERIVATION_LOOPS = """
            UNWIND $derivedFrom AS parentId
            MATCH (parent:DataCategory {id: parentId})
            WHERE EXISTS { MATCH (parent)-[:DERIVED_FROM*1..]->(:DataCategory {id: $id}) }
            RETURN parentId ORDER BY parentId
            """;

    private final Neo4jClient neo4j;

    CatalogWrites(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Product upsertProduct(Map<String, @Nullable Object> parameters) {
        return neo4j.query(UPSERT_PRODUCT)
                .bindAll(parameters)
                .fetchAs(Product.class)
                .mappedBy((types, record) -> Product.of(record.get("p").asNode()))
                .one()
                .orElseThrow();
    }

    /** Writes the category; a new derivation changes which flows pass on what others carried. */
    DataCategory upsertCategory(Map<String, @Nullable Object> parameters) {
        var category = neo4j.query(UPSERT_CATEGORY)
                .bindAll(parameters)
                .fetchAs(DataCategory.class)
                .mappedBy((types, record) -> DataCategory.of(record.get("c").asNode()))
                .one()
                .orElseThrow();
        var derivedFrom = (List<?>) parameters.get("derivedFrom");
        if (derivedFrom != null && !derivedFrom.isEmpty()) {
            relink(category.id());
        }
        return category;
    }

    /** The lineage links that depend on what the category derives from. */
    void relink(String categoryId) {
        Lineage.refreshCategories(
                (cypher, values) -> neo4j.query(cypher).bindAll(values).run(), List.of(categoryId));
    }

    List<String> derivationLoops(String id, List<String> derivedFrom) {
        return List.copyOf(neo4j.query(DERIVATION_LOOPS)
                .bindAll(Map.of("id", id, "derivedFrom", derivedFrom))
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("parentId").asString())
                .all());
    }
}
