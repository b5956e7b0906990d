package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.organization.Organization;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Products and data categories with Neo4jClient and explicit mapping; every read serves a batch of parents. */
@Repository
class CatalogRepository {

    private static final String PRODUCTS = """
            UNWIND $ids AS key
            MATCH (p:Product {id: key})
            RETURN key, p
            """;

    private static final String CATEGORIES = """
            UNWIND $ids AS key
            MATCH (c:DataCategory {id: key})
            RETURN key, c
            """;

    private static final String OFFERED_BY = """
            UNWIND $ids AS key
            MATCH (o:Organization)-[:OFFERS]->(:Product {id: key})
            RETURN key, o ORDER BY o.id
            """;

    private static final String DERIVED_FROM = """
            UNWIND $ids AS key
            MATCH (:DataCategory {id: key})-[:DERIVED_FROM]->(c:DataCategory)
            RETURN key, c ORDER BY c.id
            """;

    private final Neo4jClient neo4j;

    CatalogRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, Product> products(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, PRODUCTS, ids, record -> Product.of(record.get("p").asNode()));
    }

    Map<String, DataCategory> categories(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j,
                CATEGORIES,
                ids,
                record -> DataCategory.of(record.get("c").asNode()));
    }

    Map<String, List<Organization>> offeredBy(Collection<String> productIds) {
        return KeyedQuery.grouped(
                neo4j,
                OFFERED_BY,
                productIds,
                record -> Organization.of(record.get("o").asNode()));
    }

    Map<String, List<DataCategory>> derivedFrom(Collection<String> categoryIds) {
        return KeyedQuery.grouped(
                neo4j,
                DERIVED_FROM,
                categoryIds,
                record -> DataCategory.of(record.get("c").asNode()));
    }
}
