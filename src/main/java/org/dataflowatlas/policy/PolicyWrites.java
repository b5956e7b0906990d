package org.dataflowatlas.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Policy and agreement writes: one statement each, MERGE on ids, so a repeated mutation changes
 * nothing. Absent optional fields keep their value; parties, covered flows and evidence are added.
 */
@Repository
class PolicyWrites {

    private static final String PUBLISHER = """
            MATCH (o:Organization)-[:PUBLISHES]->(:Policy {id: $id})
            RETURN o.id AS id
            """;

    private static final String PUBLISH = """
            MATCH (o:Organization {id: $publisher})
            MERGE (p:Policy {id: $id})
            ON CREATE SET p.recordedAt = datetime.transaction()
            SET p.title = $title,
                p.prohibitedPurposes = coalesce($prohibitedPurposes, p.prohibitedPurposes, []),
                p.exception = coalesce($exception, p.exception),
                p.effective = coalesce($effective, p.effective),
                p.until = coalesce($until, p.until),
                p.description = coalesce($description, p.description)
            MERGE (o)-[:PUBLISHES]->(p)
            WITH p
            CALL (p) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (p)-[:EVIDENCED_BY {quote: item.quote}]->(src)
            }
            RETURN p AS n
            """;

    private static final String RECORD_AGREEMENT = """
            MERGE (a:Agreement {id: $id})
            ON CREATE SET a.recordedAt = datetime.transaction()
            SET a.title = $title,
                a.signed = coalesce($signed, a.signed),
                a.expires = coalesce($expires, a.expires),
                a.approvedPurposes = coalesce($approvedPurposes, a.approvedPurposes),
                a.description = coalesce($description, a.description)
            WITH a
            CALL (a) {
              UNWIND $parties AS partyId
              MATCH (o:Organization {id: partyId})
              MERGE (o)-[:PARTY_TO]->(a)
            }
            CALL (a) {
              UNWIND $covers AS flowId
              MATCH (f:DataFlow {id: flowId})
              MERGE (f)-[:UNDER]->(a)
            }
            CALL (a) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (a)-[:EVIDENCED_BY {quote: item.quote}]->(src)
            }
            RETURN a AS n
            """;

    // Closing a policy or an agreement: its end date, and the end's evidence joins the fact's evidence.
    private static final String END = """
            MATCH (n:%s {id: $id})
            SET n.%s = $date
            WITH n
            CALL (n) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (n)-[:EVIDENCED_BY {quote: item.quote}]->(src)
            }
            RETURN n
            """;

    private final Neo4jClient neo4j;

    PolicyWrites(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Optional<String> publisherOf(String policyId) {
        return neo4j.query(PUBLISHER)
                .bind(policyId)
                .to("id")
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("id").asString())
                .first();
    }

    Policy publish(Map<String, @Nullable Object> parameters) {
        return neo4j.query(PUBLISH)
                .bindAll(parameters)
                .fetchAs(Policy.class)
                .mappedBy((types, record) -> Policy.of(record.get("n").asNode()))
                .one()
                .orElseThrow();
    }

    Agreement recordAgreement(Map<String, @Nullable Object> parameters) {
        return neo4j.query(RECORD_AGREEMENT)
                .bindAll(parameters)
                .fetchAs(Agreement.class)
                .mappedBy((types, record) -> Agreement.of(record.get("n").asNode()))
                .one()
                .orElseThrow();
    }

    Policy endPolicy(String id, String until, List<Map<String, String>> evidence) {
        return neo4j.query(END.formatted("Policy", "until"))
                .bindAll(Map.of("id", id, "date", until, "evidence", evidence))
                .fetchAs(Policy.class)
                .mappedBy((types, record) -> Policy.of(record.get("n").asNode()))
                .one()
                .orElseThrow();
    }

    Agreement endAgreement(String id, String expires, List<Map<String, String>> evidence) {
        return neo4j.query(END.formatted("Agreement", "expires"))
                .bindAll(Map.of("id", id, "date", expires, "evidence", evidence))
                .fetchAs(Agreement.class)
                .mappedBy((types, record) -> Agreement.of(record.get("n").asNode()))
                .one()
                .orElseThrow();
    }
}
