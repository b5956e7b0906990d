package org.dataflowatlas.evidence;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.graph.RelationshipEvidence;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Withdrawing facts without deleting them. A fact that is a node (a policy, agreement, event or
 * statement) is kept and marked, as a retracted flow is: {@code retracted}, {@code retractionReason}
 * and {@code RETRACTION_EVIDENCED_BY {quote}} to each source of the retraction. A fact that is a
 * relationship (a role, an ownership, a citation, …) is kept as a {@code RETRACTED} relationship
 * between the same two nodes, holding every property it had, its former type in {@code type}, the
 * reason and the retraction's evidence: every reader, the traces' variable-length patterns included,
 * matches facts by their type, so none of them sees a retracted one (see docs/adr on writing facts).
 */
@Component
public class Retractions {

    /** The node facts that can be retracted here (flows have their own, older statement); the label goes into the text. */
    public enum NodeFact {
        Policy,
        Agreement,
        Event,
        Statement
    }

    /** The relationship facts that can be retracted, with the labels of their ends; these go into the text. */
    public enum RelationshipFact {
        ROLE("Person", "Organization"),
        OWNS_BY_PERSON("Person", "Organization"),
        OWNS("Organization", "Organization"),
        PART_OF("Organization", "Organization"),
        CITES("Source", "Source"),
        DERIVED_FROM("DataCategory", "DataCategory"),
        OFFERS("Organization", "Product");

        private final String startLabel;
        private final String endLabel;

        RelationshipFact(String startLabel, String endLabel) {
            this.startLabel = startLabel;
            this.endLabel = endLabel;
        }

        /** The relationship type in the graph. */
        public String type() {
            return this == OWNS_BY_PERSON ? "OWNS" : name();
        }

        public String startLabel() {
            return startLabel;
        }

        public String endLabel() {
            return endLabel;
        }
    }

    private static final String RETRACT_NODE = """
            MATCH (n:%s {id: $id})
            SET n.retractedAt = CASE WHEN n.retracted THEN n.retractedAt ELSE datetime.transaction() END
            SET n.retracted = true, n.retractionReason = $reason
            WITH n
            CALL (n) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (n)-[:RETRACTION_EVIDENCED_BY {quote: item.quote}]->(src)
            }
            RETURN n
            """;

    private static final String NODE_RETRACTIONS = """
            UNWIND $ids AS key
            MATCH (n:%s {id: key}) WHERE n.retracted
            RETURN key, n.retractionReason AS reason,
                   COLLECT { MATCH (n)-[e:RETRACTION_EVIDENCED_BY]->(s:Source)
                             RETURN {quote: e.quote, source: s} ORDER BY s.id, e.quote } AS evidence
            """;

    // $key holds the properties that tell two facts of one type between the same ends apart (a role's title).
    private static final String LIVE = """
            MATCH (a:%1$s {id: $from})-[r:%2$s]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE r[k] = $key[k])
            RETURN count(r) AS n
            """;

    private static final String RETRACTED = """
            MATCH (a:%1$s {id: $from})-[x:RETRACTED {type: $type}]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE x[k] = $key[k])
            RETURN count(x) AS n
            """;

    // The live fact becomes a RETRACTED relationship with all its properties; Neo4j cannot change a
    // relationship's type, so the old one is replaced, and nothing it held is lost.
    private static final String MOVE = """
            MATCH (a:%1$s {id: $from})-[r:%2$s]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE r[k] = $key[k])
            CREATE (a)-[x:RETRACTED]->(b)
            SET x = properties(r), x.type = $type, x.retractedAt = datetime.transaction()
            DELETE r
            """;

    // The latest retraction of the fact gets the reason and the evidence (a repeated one changes nothing).
    private static final String MARK = """
            MATCH (a:%1$s {id: $from})-[x:RETRACTED {type: $type}]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE x[k] = $key[k])
            WITH x ORDER BY x.retractedAt DESC LIMIT 1
            SET x.retractionReason = $reason
            WITH x
            %4$s
            RETURN count(x) AS n
            """;

    private static final String RETRACTED_LINK = """
            MATCH (a:%1$s {id: $from})-[x:RETRACTED {type: $type}]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE x[k] = $key[k])
            WITH a, x, b ORDER BY x.retractedAt DESC LIMIT 1
            RETURN a, b, x.retractionReason AS reason, %4$s AS evidence
            """;

    private final Neo4jClient neo4j;

    Retractions(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Marks the node retracted; empty when no node of that label has the id. */
    public Optional<Node> retractNode(NodeFact fact, String id, String reason, List<Map<String, String>> evidence) {
        return neo4j.query(RETRACT_NODE.formatted(fact.name()))
                .bindAll(Map.of("id", id, "reason", reason, "evidence", evidence))
                .fetchAs(Node.class)
                .mappedBy((types, record) -> record.get("n").asNode())
                .one();
    }

    /** The retraction of each retracted node among the ids (others are absent from the map). */
    public Map<String, Retraction> retractionsOf(NodeFact fact, Collection<String> ids) {
        return KeyedQuery.single(
                neo4j,
                NODE_RETRACTIONS.formatted(fact.name()),
                ids,
                record -> new Retraction(record.get("reason").asString(""), Evidence.listOf(record.get("evidence"))));
    }

    /** How the relationship fact stands: live (recorded and not withdrawn), retracted only, or absent. */
    public enum Standing {
        LIVE,
        RETRACTED,
        ABSENT
    }

    public Standing standing(RelationshipFact fact, String from, String to, Map<String, Object> key) {
        if (count(LIVE, fact, from, to, key, null, List.of()) > 0) {
            return Standing.LIVE;
        }
        return count(RETRACTED, fact, from, to, key, null, List.of()) > 0 ? Standing.RETRACTED : Standing.ABSENT;
    }

    /**
     * Retracts the live fact, or, when only a retracted one is left, gives that one the reason and
     * adds the evidence (so sending the same retraction twice changes nothing). Returns false when
     * there is neither.
     */
    public boolean retractRelationship(
            RelationshipFact fact,
            String from,
            String to,
            Map<String, Object> key,
            String reason,
            List<Map<String, String>> evidence) {
        if (count(LIVE, fact, from, to, key, null, List.of()) > 0) {
            neo4j.query(MOVE.formatted(fact.startLabel(), fact.type(), fact.endLabel()))
                    .bindAll(parameters(fact, from, to, key, null, List.of()))
                    .run();
        }
        return count(MARK, fact, from, to, key, reason, evidence) > 0;
    }

    /** The latest retraction of a relationship fact, with both ends. */
    public record Retracted(Node from, Node to, Retraction retraction) {}

    public Optional<Retracted> retracted(RelationshipFact fact, String from, String to, Map<String, Object> key) {
        return neo4j.query(RETRACTED_LINK.formatted(
                        fact.startLabel(), fact.type(), fact.endLabel(), RelationshipEvidence.readRetraction("x")))
                .bindAll(parameters(fact, from, to, key, null, List.of()))
                .fetchAs(Retracted.class)
                .mappedBy((types, record) -> new Retracted(
                        record.get("a").asNode(),
                        record.get("b").asNode(),
                        new Retraction(record.get("reason").asString(""), Evidence.listOf(record.get("evidence")))))
                .one();
    }

    private long count(
            String query,
            RelationshipFact fact,
            String from,
            String to,
            Map<String, Object> key,
            @Nullable String reason,
            List<Map<String, String>> evidence) {
        return neo4j.query(query.formatted(
                        fact.startLabel(), fact.type(), fact.endLabel(), RelationshipEvidence.appendRetraction("x")))
                .bindAll(parameters(fact, from, to, key, reason, evidence))
                .fetchAs(Long.class)
                .mappedBy((types, record) -> record.get("n").asLong())
                .one()
                .orElse(0L);
    }

    private static Map<String, @Nullable Object> parameters(
            RelationshipFact fact,
            String from,
            String to,
            Map<String, Object> key,
            @Nullable String reason,
            List<Map<String, String>> evidence) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("key", key);
        parameters.put("type", fact.type());
        parameters.put("reason", reason);
        parameters.put("evidence", evidence);
        return parameters;
    }
}
