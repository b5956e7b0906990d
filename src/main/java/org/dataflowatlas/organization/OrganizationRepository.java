package org.dataflowatlas.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Read model of organizations, mapped explicitly from nodes with Neo4jClient (kinds come from labels). */
@Repository
class OrganizationRepository {

    private static final String BY_IDS = """
            MATCH (o:Organization) WHERE o.id IN $ids
            RETURN o
            """;

    private final Neo4jClient neo4j;

    OrganizationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Optional<Organization> findById(String id) {
        return findAllById(List.of(id)).values().stream().findFirst();
    }

    Map<String, Organization> findAllById(Collection<String> ids) {
        return neo4j
                .query(BY_IDS)
                .bind(List.copyOf(ids))
                .to("ids")
                .fetchAs(Organization.class)
                .mappedBy((types, record) -> map(record.get("o").asNode()))
                .all()
                .stream()
                .collect(Collectors.toMap(Organization::id, Function.identity()));
    }

    static Organization map(Node node) {
        return new Organization(
                node.get("id").asString(),
                node.get("name").asString(node.get("id").asString()),
                OrgKind.fromLabels(toList(node.labels())).orElse(null),
                node.get("aliases").asList(Value::asString, List.of()),
                node.get("country").asString(null),
                node.get("jurisdiction").asString(null),
                node.get("description").asString(null),
                node.get("group").asBoolean(false),
                node.get("estimatedSize").asString(null));
    }

    private static List<String> toList(Iterable<String> labels) {
        var list = new java.util.ArrayList<String>();
        labels.forEach(list::add);
        return list;
    }
}
