package org.dataflowatlas.evidence;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.graph.Entities;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.graph.KeyedQuery;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** How we know: sources, what they evidence, events and statements. Every read serves a whole batch of parents. */
@Repository
class EvidenceRepository {

    /** The kinds of fact that carry EVIDENCED_BY; the label goes into the query text, so only these. */
    enum Subject {
        DataFlow,
        Event,
        Policy,
        Agreement
    }

    // Oldest evidence first (undated last), then by source id, so answers are stable.
    private static final String EVIDENCE_OF = """
            UNWIND $ids AS key
            MATCH (:%s {id: key})-[e:EVIDENCED_BY]->(s:Source)
            RETURN key, e, s
            ORDER BY key, s.published IS NULL, s.published, s.id, e.quote
            """;

    private static final String SOURCES = """
            UNWIND $ids AS key
            MATCH (s:Source {id: key})
            RETURN key, s
            """;

    private static final String EVENTS = """
            UNWIND $ids AS key
            MATCH (e:Event {id: key})
            RETURN key, e
            """;

    private static final String STATEMENTS = """
            UNWIND $ids AS key
            MATCH (st:Statement {id: key})
            RETURN key, st
            """;

    private static final String CITES = """
            UNWIND $ids AS key
            MATCH (:Source {id: key})-[:CITES]->(s:Source)
            RETURN key, s ORDER BY s.id
            """;

    private static final String CITED_BY = """
            UNWIND $ids AS key
            MATCH (:Source {id: key})<-[:CITES]-(s:Source)
            RETURN key, s ORDER BY s.id
            """;

    private static final String EVIDENCED = """
            UNWIND $ids AS key
            MATCH (:Source {id: key})<-[e:EVIDENCED_BY]-(n)
            OPTIONAL MATCH (sender:Organization)-[:SENDS]->(n)-[:TO]->(receiver:Organization)
            RETURN key, n, e, sender.id AS fromId, receiver.id AS toId
            ORDER BY key, n.id, e.quote
            """;

    private static final String STATEMENTS_IN = """
            UNWIND $ids AS key
            MATCH (:Source {id: key})<-[:REPORTED_IN]-(st:Statement)
            RETURN key, st ORDER BY st.date IS NULL, st.date, st.id
            """;

    private static final String INVOLVED = """
            UNWIND $ids AS key
            MATCH (:Event {id: key})-[:INVOLVES]->(n)
            OPTIONAL MATCH (sender:Organization)-[:SENDS]->(n)-[:TO]->(receiver:Organization)
            RETURN key, n, sender.id AS fromId, receiver.id AS toId ORDER BY n.id
            """;

    private static final String SPEAKERS = """
            UNWIND $ids AS key
            MATCH (:Statement {id: key})<-[:STATED]-(n)
            RETURN key, n, null AS fromId, null AS toId
            """;

    private static final String ABOUT = """
            UNWIND $ids AS key
            MATCH (:Statement {id: key})-[:ABOUT]->(n)
            OPTIONAL MATCH (sender:Organization)-[:SENDS]->(n)-[:TO]->(receiver:Organization)
            RETURN key, n, sender.id AS fromId, receiver.id AS toId ORDER BY n.id
            """;

    // A source may report a statement in more than one passage; it is listed once.
    private static final String REPORTED_IN = """
            UNWIND $ids AS key
            MATCH (:Statement {id: key})-[:REPORTED_IN]->(s:Source)
            WITH DISTINCT key, s
            RETURN key, s ORDER BY s.published IS NULL, s.published, s.id
            """;

    private static final String STATEMENT_EVIDENCE = """
            UNWIND $ids AS key
            MATCH (:Statement {id: key})-[r:REPORTED_IN]->(s:Source)
            RETURN key, r.quote AS quote, r, s
            ORDER BY key, s.published IS NULL, s.published, s.id, r.quote
            """;

    private final Neo4jClient neo4j;
    private final Entities entities;

    EvidenceRepository(Neo4jClient neo4j, Entities entities) {
        this.entities = entities;
        this.neo4j = neo4j;
    }

    Map<String, List<Evidence>> evidenceOf(Subject subject, Collection<String> ids) {
        return KeyedQuery.grouped(
                neo4j,
                EVIDENCE_OF.formatted(subject.name()),
                ids,
                record -> Evidence.of(record.get("s"), record.get("e")));
    }

    Map<String, Source> sources(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, SOURCES, ids, record -> Source.of(record.get("s").asNode()));
    }

    Map<String, Event> events(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, EVENTS, ids, record -> Event.of(record.get("e").asNode()));
    }

    Map<String, Statement> statements(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, STATEMENTS, ids, record -> Statement.of(record.get("st").asNode()));
    }

    Map<String, List<Source>> cites(Collection<String> sourceIds) {
        return KeyedQuery.grouped(
                neo4j, CITES, sourceIds, record -> Source.of(record.get("s").asNode()));
    }

    Map<String, List<Source>> citedBy(Collection<String> sourceIds) {
        return KeyedQuery.grouped(
                neo4j, CITED_BY, sourceIds, record -> Source.of(record.get("s").asNode()));
    }

    Map<String, List<EvidencedFact>> evidenced(Collection<String> sourceIds) {
        return KeyedQuery.grouped(neo4j, EVIDENCED, sourceIds, record -> {
            var evidencedBy = record.get("e").asRelationship();
            return new EvidencedFact(
                    entity(record, "n"), evidencedBy.get("quote").asString(null), Inference.of(evidencedBy));
        });
    }

    Map<String, List<Statement>> statementsIn(Collection<String> sourceIds) {
        return KeyedQuery.grouped(
                neo4j,
                STATEMENTS_IN,
                sourceIds,
                record -> Statement.of(record.get("st").asNode()));
    }

    Map<String, List<Object>> involved(Collection<String> eventIds) {
        return KeyedQuery.grouped(neo4j, INVOLVED, eventIds, record -> entity(record, "n"));
    }

    Map<String, Object> speakers(Collection<String> statementIds) {
        return KeyedQuery.single(neo4j, SPEAKERS, statementIds, record -> entity(record, "n"));
    }

    Map<String, List<Object>> about(Collection<String> statementIds) {
        return KeyedQuery.grouped(neo4j, ABOUT, statementIds, record -> entity(record, "n"));
    }

    Map<String, List<Source>> reportedIn(Collection<String> statementIds) {
        return KeyedQuery.grouped(
                neo4j,
                REPORTED_IN,
                statementIds,
                record -> Source.of(record.get("s").asNode()));
    }

    Map<String, List<Evidence>> statementEvidence(Collection<String> statementIds) {
        return KeyedQuery.grouped(
                neo4j,
                STATEMENT_EVIDENCE,
                statementIds,
                record -> new Evidence(
                        Source.of(record.get("s").asNode()),
                        record.get("quote").asString(null),
                        Inference.of(record.get("r").asRelationship())));
    }

    Object entity(Record record, String column) {
        Node node = record.get(column).asNode();
        return entities.of(
                node, record.get("fromId").asString(null), record.get("toId").asString(null));
    }
}
