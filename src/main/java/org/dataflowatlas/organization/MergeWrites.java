package org.dataflowatlas.organization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.graph.RelationshipEvidence;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * The statements of mergeOrganizations, run in one write transaction by {@link MergeService}: what
 * the two organizations hold (read first, to refuse a merge that would lose information), then the
 * moves. Relationships are addressed by element id, valid inside that one transaction.
 */
@Repository
class MergeWrites {

    private static final String NODES = """
            MATCH (k:Organization {id: $keep}), (d:Organization {id: $duplicate})
            RETURN properties(k) AS keep, labels(k) AS keepLabels, properties(d) AS duplicate, labels(d) AS duplicateLabels
            """;

    // Every relationship of the organization, with the node at its other end.
    private static final String RELATIONSHIPS = """
            MATCH (o:Organization {id: $id})-[r]-(other)
            RETURN elementId(r) AS rel, type(r) AS type, startNode(r) = o AS outgoing, elementId(other) AS other,
                   coalesce(other.id, elementId(other)) AS otherId, labels(other) AS otherLabels, properties(r) AS properties
            """;

    // Current flows between the two would run from one organization to itself after the merge.
    private static final String FLOWS_BETWEEN = """
            MATCH (a:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(b:Organization)
            WHERE ((a.id = $keep AND b.id = $duplicate) OR (a.id = $duplicate AND b.id = $keep))
              AND coalesce(f.retracted, false) = false
            RETURN f.id AS id ORDER BY f.id
            """;

    // A relationship of the duplicate either joins the same fact of keep (target) or is re-created on keep;
    // the old one goes, its properties live on. Types come from the graph itself, never from input.
    private static final String MOVE = """
            MATCH (k:Organization {id: $keep})
            UNWIND $moves AS m
            MATCH ()-[old]->() WHERE elementId(old) = m.rel
            MATCH (other) WHERE elementId(other) = m.other
            CALL (k, other, old, m) {
              WITH * WHERE m.target IS NULL AND m.outgoing
              CREATE (k)-[n:$(m.type)]->(other)
              SET n = properties(old)
            }
            CALL (k, other, old, m) {
              WITH * WHERE m.target IS NULL AND NOT m.outgoing
              CREATE (other)-[n:$(m.type)]->(k)
              SET n = properties(old)
            }
            CALL (m) {
              WITH * WHERE m.target IS NOT NULL
              MATCH ()-[t]->() WHERE elementId(t) = m.target
              SET t += m.properties
            }
            DELETE old
            """;

    // The duplicate stays as the record of what was merged (no longer an Organization, so no reader
    // lists it), pointing to keep with the reason and evidence; categories it was the origin of follow.
    private static final String FINISH = """
            MATCH (k:Organization {id: $keep}), (d:Organization {id: $duplicate})
            SET k += $copied, k.aliases = $aliases,
                k.jurisdictions = CASE WHEN size($jurisdictions) > 0 THEN $jurisdictions ELSE k.jurisdictions END
            WITH k, d
            CALL (k) {
              WITH k WHERE $kindLabel IS NOT NULL
              SET k:$($kindLabel)
            }
            CALL () {
              MATCH (c:DataCategory {origin: $duplicate})
              SET c.origin = $keep
            }
            REMOVE d:Organization:Platform:Vendor:Agency:Advocacy:Publisher:Court:Company
            SET d:MergedOrganization
            CREATE (d)-[m:MERGED_INTO]->(k)
            SET m.reason = $reason, m.mergedAt = datetime()
            WITH m
            %s
            RETURN count(m) AS n
            """.formatted(RelationshipEvidence.append("m"));

    private final Neo4jClient neo4j;

    MergeWrites(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    record Nodes(
            Map<String, Object> keep,
            List<String> keepLabels,
            Map<String, Object> duplicate,
            List<String> duplicateLabels) {}

    Nodes nodes(String keep, String duplicate) {
        return neo4j.query(NODES)
                .bindAll(Map.of("keep", keep, "duplicate", duplicate))
                .fetchAs(Nodes.class)
                .mappedBy((types, record) -> new Nodes(
                        record.get("keep").asMap(),
                        record.get("keepLabels").asList(value -> value.asString()),
                        record.get("duplicate").asMap(),
                        record.get("duplicateLabels").asList(value -> value.asString())))
                .one()
                .orElseThrow();
    }

    /** A relationship of an organization, seen from it. */
    record Link(
            String rel,
            String type,
            boolean outgoing,
            String other,
            String otherId,
            List<String> otherLabels,
            Map<String, Object> properties) {}

    List<Link> relationships(String organizationId) {
        return List.copyOf(neo4j.query(RELATIONSHIPS)
                .bind(organizationId)
                .to("id")
                .fetchAs(Link.class)
                .mappedBy((types, record) -> new Link(
                        record.get("rel").asString(),
                        record.get("type").asString(),
                        record.get("outgoing").asBoolean(),
                        record.get("other").asString(),
                        record.get("otherId").asString(),
                        record.get("otherLabels").asList(value -> value.asString()),
                        record.get("properties").asMap()))
                .all());
    }

    List<String> flowsBetween(String keep, String duplicate) {
        return List.copyOf(neo4j.query(FLOWS_BETWEEN)
                .bindAll(Map.of("keep", keep, "duplicate", duplicate))
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("id").asString())
                .all());
    }

    void move(String keep, List<Map<String, @Nullable Object>> moves) {
        if (!moves.isEmpty()) {
            neo4j.query(MOVE).bindAll(Map.of("keep", keep, "moves", moves)).run();
        }
    }

    void finish(Map<String, @Nullable Object> parameters) {
        neo4j.query(FINISH).bindAll(parameters).run();
        // The duplicate's flows now start or end at keep: the lineage links through keep are made again.
        Lineage.refreshOrganizations(
                (cypher, values) -> neo4j.query(cypher).bindAll(values).run(),
                List.of((String) Objects.requireNonNull(parameters.get("keep"))));
    }
}
