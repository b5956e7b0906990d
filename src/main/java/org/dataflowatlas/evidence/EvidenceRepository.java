package org.dataflowatlas.evidence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Evidence read model: which sources, with which quotes, support which facts. */
@Repository
class EvidenceRepository {

    // Oldest evidence first (undated last), then by source id, so answers are stable.
    private static final String FOR_FLOWS = """
            UNWIND $ids AS flowId
            MATCH (:DataFlow {id: flowId})-[e:EVIDENCED_BY]->(s:Source)
            RETURN flowId, e.quote AS quote, s
            ORDER BY flowId, s.published IS NULL, s.published, s.id, e.quote
            """;

    private final Neo4jClient neo4j;

    EvidenceRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, List<Evidence>> forFlows(Collection<String> flowIds) {
        record Row(String flowId, Evidence evidence) {}
        return neo4j
                .query(FOR_FLOWS)
                .bind(List.copyOf(flowIds))
                .to("ids")
                .fetchAs(Row.class)
                .mappedBy((types, record) -> new Row(
                        record.get("flowId").asString(),
                        new Evidence(
                                mapSource(record.get("s").asNode()),
                                record.get("quote").asString(null))))
                .all()
                .stream()
                .collect(Collectors.groupingBy(
                        Row::flowId, LinkedHashMap::new, Collectors.mapping(Row::evidence, Collectors.toList())));
    }

    static Source mapSource(Node node) {
        return new Source(
                node.get("id").asString(),
                node.get("title").asString(node.get("id").asString()),
                SourceKind.valueOf(node.get("kind").asString()),
                node.get("url").asString(null),
                node.get("published").asString(null),
                node.get("description").asString(null));
    }
}
