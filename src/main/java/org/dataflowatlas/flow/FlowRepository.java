package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.graph.Revisions;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Flows with Neo4jClient and explicit mapping: a flow is a node between two organizations, which a
 * Spring Data entity would not map without loading both ends. Every read here serves many parents
 * at once (UNWIND over ids), so GraphQL never asks per parent.
 */
@Repository
class FlowRepository {

    private static final String BY_IDS = """
            UNWIND $ids AS key
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow {id: key})-[:TO]->(t:Organization)
            RETURN key, f, s, t
            """;

    // Retracted flows stay in the graph but are not part of an organization's current picture.
    private static final String OUT_OF = """
            UNWIND $ids AS key
            MATCH (s:Organization {id: key})-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization)
            WHERE coalesce(f.retracted, false) = false
            RETURN key, f, s, t
            ORDER BY f.id
            """;

    private static final String INTO = """
            UNWIND $ids AS key
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization {id: key})
            WHERE coalesce(f.retracted, false) = false
            RETURN key, f, s, t
            ORDER BY f.id
            """;

    // Purpose, access, confidence and dates as the flow read at the recorded instant, if one is asked for.
    private static final String FILTER = """
            ($from IS NULL OR s.id = $from) AND ($to IS NULL OR t.id = $to)
            AND ($includeRetracted OR %s) AND %s AND %s
            AND ($categories IS NULL OR EXISTS {
                  MATCH (f)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c:DataCategory) WHERE c.id IN $categories })
            AND %s""".formatted(
                    FlowPredicates.notRetracted("f"),
                    FlowPredicates.recorded("f"),
                    FlowPredicates.known("f"),
                    FlowPredicates.asRecorded("f", flow -> """
                            ($purposes IS NULL OR %1$s.purpose IN $purposes)
                            AND ($accessMethods IS NULL OR %1$s.accessMethod IN $accessMethods)
                            AND %1$s.confidence IN $confidences AND %2$s""".formatted(flow, FlowPredicates.activeOn(flow))));

    private static final String PAGE = """
            CALL () {
              MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization) WHERE %1$s
              RETURN count(f) AS total
            }
            CALL () {
              MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:TO]->(t:Organization)
              WHERE ($after IS NULL OR f.id > $after) AND %1$s
              WITH f, s, t ORDER BY f.id LIMIT $limit
              RETURN collect({f: f, s: s, t: t, revisions: [%2$s, %3$s, %4$s]}) AS page
            }
            RETURN total, page
            """.formatted(
                    FILTER,
                    Revisions.value("f", "null", "revision"),
                    Revisions.value("s", "null", "revision"),
                    Revisions.value("t", "null", "revision"));

    private static final String PRODUCTS = """
            UNWIND $ids AS key
            MATCH (:DataFlow {id: key})-[:VIA]->(p:Product)
            RETURN key, p
            """;

    // Categories by id; evidence in EvidenceRepository's order: oldest first
    // (undated last), then by source id and quote.
    private static final String DETAILS = """
            UNWIND $ids AS key
            MATCH (f:DataFlow {id: key})
            RETURN key,
                   COLLECT { MATCH (f)-[:CARRIES]->(c:DataCategory) RETURN c ORDER BY c.id } AS categories,
                   COLLECT { MATCH (f)-[:VIA]->(p:Product) RETURN p LIMIT 1 } AS products,
                   COLLECT { MATCH (f)-[e:EVIDENCED_BY]->(s:Source)
                             WITH s, e ORDER BY s.published IS NULL, s.published, s.id, e.quote
                             RETURN {source: s, evidencedBy: e} } AS evidence
            """;

    private static final String COVERED_BY = """
            UNWIND $ids AS key
            MATCH (s:Organization)-[:SENDS]->(f:DataFlow)-[:UNDER]->(:Agreement {id: key}), (f)-[:TO]->(t:Organization)
            WHERE coalesce(f.retracted, false) = false
            RETURN key, f, s, t
            ORDER BY f.id
            """;

    private static final String RETRACTIONS = """
            UNWIND $ids AS key
            MATCH (f:DataFlow {id: key}) WHERE f.retracted
            RETURN key, f.retractionReason AS reason,
                   COLLECT { MATCH (f)-[e:RETRACTION_EVIDENCED_BY]->(s:Source)
                             RETURN {source: s, evidencedBy: e} ORDER BY s.id, e.quote } AS evidence
            """;

    // Distinct values only, from the since and until indexes and the few sources, so the answer stays
    // cheap on a graph of millions of flows. A flow without since begins at its first dated evidence
    // (FlowPredicates), so the sources of such flows bound the start; every evidencing source, the end.
    private static final String DATES = """
            CALL () { MATCH (f:DataFlow) WHERE f.since IS NOT NULL RETURN collect(DISTINCT f.since) AS since }
            CALL () { MATCH (f:DataFlow) WHERE f.until IS NOT NULL RETURN collect(DISTINCT f.until) AS until }
            CALL () {
              MATCH (s:Source) WHERE s.published IS NOT NULL AND EXISTS { (s)<-[:EVIDENCED_BY]-(:DataFlow) }
              RETURN collect(s.published) AS evidenced,
                     collect(CASE WHEN EXISTS { (s)<-[:EVIDENCED_BY]-(f:DataFlow) WHERE f.since IS NULL }
                                  THEN s.published END) AS startsUndated
            }
            RETURN since + startsUndated AS starts, since + until + evidenced AS dates,
                   EXISTS { MATCH (f:DataFlow) WHERE f.until IS NULL } AS ongoing
            """;

    private final Neo4jClient neo4j;

    FlowRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, DataFlow> findAllById(Collection<String> ids) {
        return KeyedQuery.single(neo4j, BY_IDS, ids, DataFlow::of);
    }

    Map<String, List<DataFlow>> sentBy(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, OUT_OF, organizationIds, DataFlow::of);
    }

    Map<String, List<DataFlow>> receivedBy(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, INTO, organizationIds, DataFlow::of);
    }

    Map<String, FlowDetails> detailsOf(Collection<String> flowIds) {
        return KeyedQuery.single(
                neo4j,
                DETAILS,
                flowIds,
                record -> new FlowDetails(
                        record.get("categories").asList(value -> DataCategory.of(value.asNode())),
                        record.get("products").isEmpty()
                                ? null
                                : Product.of(record.get("products").get(0).asNode()),
                        record.get("evidence")
                                .asList(value -> Evidence.of(value.get("source"), value.get("evidencedBy")))));
    }

    Map<String, Product> productsOf(Collection<String> flowIds) {
        return KeyedQuery.single(
                neo4j, PRODUCTS, flowIds, record -> Product.of(record.get("p").asNode()));
    }

    Map<String, List<DataFlow>> coveredBy(Collection<String> agreementIds) {
        return KeyedQuery.grouped(neo4j, COVERED_BY, agreementIds, DataFlow::of);
    }

    Map<String, Retraction> retractionsOf(Collection<String> flowIds) {
        return KeyedQuery.single(neo4j, RETRACTIONS, flowIds, FlowRepository::retraction);
    }

    DateSpan dates() {
        return neo4j.query(DATES)
                .fetchAs(DateSpan.class)
                .mappedBy((types, record) -> DateSpan.of(
                        record.get("starts").asList(value -> value.asString()),
                        record.get("dates").asList(value -> value.asString()),
                        record.get("ongoing").asBoolean()))
                .one()
                .orElseThrow();
    }

    record Page(long total, List<DataFlow> flows) {}

    Page page(Map<String, @Nullable Object> filterParameters, @Nullable String afterId, int limit) {
        var parameters = new HashMap<>(filterParameters);
        parameters.put("after", afterId);
        parameters.put("limit", limit);
        return neo4j.query(PAGE)
                .bindAll(parameters)
                .fetchAs(Page.class)
                .mappedBy((types, record) -> new Page(
                        record.get("total").asLong(),
                        record.get("page").asList(Function.identity()).stream()
                                .map(FlowRepository::asRecorded)
                                .toList()))
                .one()
                .orElseThrow();
    }

    /** A page row's flow, it and its ends as the revisions that held at the recorded instant say. */
    private static DataFlow asRecorded(Value row) {
        var flow = DataFlow.of(row);
        var revisions = row.get("revisions");
        return flow.asRecorded(
                node(revisions.get(0)),
                Objects.requireNonNull(flow.sender()).asRecorded(node(revisions.get(1))),
                Objects.requireNonNull(flow.recipient()).asRecorded(node(revisions.get(2))));
    }

    private static @Nullable Node node(Value value) {
        return value.isNull() ? null : value.asNode();
    }

    private static Retraction retraction(Record record) {
        return new Retraction(
                record.get("reason").asString(""),
                record.get("evidence").asList(Function.identity()).stream()
                        .map(row -> Evidence.of(row.get("source"), row.get("evidencedBy")))
                        .toList());
    }
}
