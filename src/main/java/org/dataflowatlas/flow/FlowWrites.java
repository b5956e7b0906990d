package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.graph.Lineage;
import org.dataflowatlas.graph.Revisions;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Flow writes, each one statement (so one mutation can never leave half a flow behind), all
 * MERGE on ids: sending the same mutation twice changes nothing.
 */
@Repository
class FlowWrites {

    private static final String ENDS = """
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: $id})-[:TO]->(t:Organization)
            RETURN s.id AS fromId, t.id AS toId, f.since AS since
            """;

    /**
     * Records a flow; correcting what an existing flow says (purpose, access, real time, since,
     * confidence, description, or an end it already had) keeps what it said before as a revision,
     * for recorded time. A first end needs none: {@code untilRecordedAt} says since when it holds.
     */
    private static final String RECORD = """
            MATCH (s:Organization {id: $from}), (t:Organization {id: $to})
            MERGE (f:DataFlow {id: $id})
            ON CREATE SET f.recordedAt = datetime.transaction()
            WITH s, t, f
            CALL (f) {
              WITH f WHERE f.recordedAt < datetime.transaction()
                AND ([coalesce(f.purpose, ''), coalesce(f.accessMethod, ''), coalesce(f.realTime, false),
                      coalesce(f.since, ''), coalesce(f.confidence, ''), coalesce(f.description, '')]
                     <> [$purpose, $accessMethod, $realTime, coalesce($since, ''), $confidence, coalesce($description, '')]
                     OR f.until <> coalesce($until, ''))
            %s
            }
            SET f.untilRecordedAt = CASE WHEN $until IS NULL THEN null
                                         WHEN f.until = $until THEN f.untilRecordedAt
                                         ELSE datetime.transaction() END
            SET f.purpose = $purpose, f.accessMethod = $accessMethod, f.realTime = $realTime,
                f.since = $since, f.until = $until, f.confidence = $confidence, f.description = $description,
                f.inferred = CASE WHEN $inferred IS NULL THEN f.inferred ELSE $inferred END,
                f.inferredBecause = CASE WHEN $inferred IS NULL THEN f.inferredBecause ELSE $inferredBecause END
            MERGE (s)-[:SENDS]->(f)
            MERGE (f)-[:TO]->(t)
            WITH f
            CALL (f) {
              UNWIND $categories AS category
              MERGE (c:DataCategory {id: category.id})
              SET c.name = coalesce(category.name, c.name),
                  c.origin = coalesce(category.origin, c.origin),
                  c.description = coalesce(category.description, c.description)
              MERGE (f)-[:CARRIES]->(c)
            }
            CALL () {
              UNWIND $categories AS category
              UNWIND coalesce(category.derivedFrom, []) AS parentId
              MATCH (c:DataCategory {id: category.id}), (parent:DataCategory {id: parentId})
              MERGE (c)-[:DERIVED_FROM]->(parent)
            }
            CALL (f) {
              WITH f WHERE $product IS NOT NULL
              OPTIONAL MATCH (f)-[previous:VIA]->(other:Product) WHERE other.id <> $product.id
              DELETE previous
              MERGE (p:Product {id: $product.id})
              SET p.name = coalesce($product.name, p.name), p.description = coalesce($product.description, p.description)
              MERGE (f)-[:VIA]->(p)
              WITH p WHERE $product.offeredBy IS NOT NULL
              MATCH (o:Organization {id: $product.offeredBy})
              MERGE (o)-[:OFFERS]->(p)
            }
            CALL (f) {
              UNWIND $agreements AS agreementId
              MATCH (a:Agreement {id: agreementId})
              MERGE (f)-[:UNDER]->(a)
            }
            CALL (f) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (f)-[e:EVIDENCED_BY {quote: item.quote}]->(src)
              ON CREATE SET e.recordedAt = datetime.transaction()
            }
            RETURN f, $from AS fromId, $to AS toId
            """.formatted(Revisions.keep("f"));

    /** Ends a flow; moving an end it already had keeps the earlier one as a revision, as a correction does. */
    private static final String END = """
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: $id})-[:TO]->(t:Organization)
            CALL (f) {
              WITH f WHERE f.until <> $until
            %s
            }
            SET f.untilRecordedAt = CASE WHEN f.until = $until THEN f.untilRecordedAt ELSE datetime.transaction() END
            SET f.until = $until
            WITH f, s, t
            CALL (f) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (f)-[e:EVIDENCED_BY {quote: item.quote}]->(src)
              ON CREATE SET e.recordedAt = datetime.transaction()
              SET e.ends = true
            }
            RETURN f, s.id AS fromId, t.id AS toId
            """.formatted(Revisions.keep("f"));

    // Kept, marked, with the reason and its own evidence: nothing is hard-deleted through the API.
    private static final String RETRACT = """
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: $id})-[:TO]->(t:Organization)
            SET f.retractedAt = CASE WHEN f.retracted THEN f.retractedAt ELSE datetime.transaction() END
            SET f.retracted = true, f.retractionReason = $reason
            WITH f, s, t
            CALL (f) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (f)-[e:RETRACTION_EVIDENCED_BY {quote: item.quote}]->(src)
              ON CREATE SET e.recordedAt = datetime.transaction()
            }
            RETURN f, s.id AS fromId, t.id AS toId
            """;

    private final Neo4jClient neo4j;

    FlowWrites(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    record Ends(String fromId, String toId, @Nullable String since) {}

    @Nullable
    Ends ends(String flowId) {
        return neo4j.query(ENDS)
                .bind(flowId)
                .to("id")
                .fetchAs(Ends.class)
                .mappedBy((types, record) -> new Ends(
                        record.get("fromId").asString(),
                        record.get("toId").asString(),
                        record.get("since").asString(null)))
                .one()
                .orElse(null);
    }

    /** Records the flow, then its lineage links and evidence date, and those a new derivation changes. */
    DataFlow record(Map<String, @Nullable Object> parameters, Collection<String> derivedCategories) {
        var flow = write(RECORD, parameters);
        Lineage.refreshFlow(this::run, List.of(flow.id()));
        Lineage.refreshCategories(this::run, derivedCategories);
        return flow;
    }

    DataFlow end(String id, String until, List<Map<String, String>> evidence) {
        var flow = write(END, Map.of("id", id, "until", until, "evidence", evidence));
        Lineage.refreshEvidenceDates(this::run, List.of(id));
        return flow;
    }

    /** Marks the flow retracted, then the date its retraction became known. */
    DataFlow retract(String id, String reason, List<Map<String, String>> evidence) {
        var flow = write(RETRACT, Map.of("id", id, "reason", reason, "evidence", evidence));
        Lineage.refreshEvidenceDates(this::run, List.of(id));
        return flow;
    }

    private void run(String query, Map<String, @Nullable Object> parameters) {
        neo4j.query(query).bindAll(parameters).run();
    }

    private DataFlow write(String query, Map<String, @Nullable Object> parameters) {
        return neo4j.query(query)
                .bindAll(parameters)
                .fetchAs(DataFlow.class)
                .mappedBy((types, record) -> DataFlow.of(record))
                .one()
                .orElseThrow();
    }
}
