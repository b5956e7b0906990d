package org.dataflowatlas.evidence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.graph.Lineage;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Source and evidence writes: one statement each, MERGE on ids, so a repeated mutation changes nothing. */
@Repository
class EvidenceWrites {

    // Absent optional fields keep their value.
    private static final String ADD_SOURCE = """
            MERGE (s:Source {id: $id})
            ON CREATE SET s.recordedAt = datetime.transaction()
            SET s.title = $title, s.kind = $kind,
                s.url = coalesce($url, s.url),
                s.published = coalesce($published, s.published),
                s.description = coalesce($description, s.description)
            WITH s
            CALL (s) {
              WITH s WHERE $publishedBy IS NOT NULL
              MATCH (o:Organization {id: $publishedBy})
              MERGE (s)-[:PUBLISHED_BY]->(o)
            }
            CALL (s) {
              UNWIND $cites AS citedId
              MATCH (cited:Source {id: citedId})
              MERGE (s)-[:CITES]->(cited)
            }
            RETURN s
            """;

    // The facts that take evidence, looked up by id through their own label's index.
    private static final String FIND_TARGET = """
            CALL () {
              MATCH (n:DataFlow {id: $id}) RETURN n
              UNION
              MATCH (n:Event {id: $id}) RETURN n
              UNION
              MATCH (n:Policy {id: $id}) RETURN n
              UNION
              MATCH (n:Agreement {id: $id}) RETURN n
            }
            RETURN labels(n)[0] AS label
            """;

    private static final String ADD_EVIDENCE = """
            MATCH (n:%s {id: $id})
            CALL (n) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (n)-[:EVIDENCED_BY {quote: item.quote}]->(src)
            }
            WITH n
            OPTIONAL MATCH (sender:Organization)-[:SENDS]->(n)-[:TO]->(receiver:Organization)
            RETURN n, sender.id AS fromId, receiver.id AS toId
            """;

    // What an event involves may be any kind of entity: each reference carries the label found for it.
    private static final String RECORD_EVENT = """
            MERGE (e:Event {id: $id})
            ON CREATE SET e.recordedAt = datetime.transaction()
            SET e.title = $title, e.date = coalesce($date, e.date), e.description = coalesce($description, e.description)
            WITH e
            CALL (e) {
              UNWIND $involves AS ref
              MATCH (n:$(ref.label) {id: ref.id})
              MERGE (e)-[:INVOLVES]->(n)
            }
            CALL (e) {
              UNWIND $evidence AS item
              MATCH (src:Source {id: item.source})
              MERGE (e)-[:EVIDENCED_BY {quote: item.quote}]->(src)
            }
            RETURN e
            """;

    private static final String SPEAKER = """
            MATCH (n)-[:STATED]->(:Statement {id: $id})
            RETURN n.id AS id
            """;

    private static final String REPORTED_QUOTES = """
            MATCH (:Statement {id: $id})-[r:REPORTED_IN]->(:Source) WHERE r.quote IS NOT NULL
            RETURN r.quote AS quote
            """;

    private static final String RECORD_STATEMENT = """
            MATCH (speaker:$($speakerLabel) {id: $speaker})
            MERGE (st:Statement {id: $id})
            ON CREATE SET st.recordedAt = datetime.transaction()
            SET st.text = $text, st.paraphrase = coalesce($paraphrase, st.paraphrase),
                st.date = coalesce($date, st.date), st.description = coalesce($description, st.description)
            MERGE (speaker)-[:STATED]->(st)
            WITH st
            CALL (st) {
              UNWIND $about AS ref
              MATCH (n:$(ref.label) {id: ref.id})
              MERGE (st)-[:ABOUT]->(n)
            }
            CALL (st) {
              UNWIND $reportedIn AS item
              MATCH (src:Source {id: item.source})
              MERGE (st)-[:REPORTED_IN {quote: item.quote}]->(src)
            }
            RETURN st
            """;

    private static final String CITE = """
            MATCH (s:Source {id: $id})
            CALL (s) {
              UNWIND $cites AS citedId
              MATCH (cited:Source {id: citedId})
              MERGE (s)-[:CITES]->(cited)
            }
            RETURN s
            """;

    private final Neo4jClient neo4j;
    private final EvidenceRepository repository;

    EvidenceWrites(Neo4jClient neo4j, EvidenceRepository repository) {
        this.repository = repository;
        this.neo4j = neo4j;
    }

    /** Writes the source; a flow it evidences may take a new date from it. */
    Source addSource(Map<String, @Nullable Object> parameters) {
        var source = neo4j.query(ADD_SOURCE)
                .bindAll(parameters)
                .fetchAs(Source.class)
                .mappedBy((types, record) -> Source.of(record.get("s").asNode()))
                .one()
                .orElseThrow();
        Lineage.refreshSources(this::run, List.of(source.id()));
        return source;
    }

    Event recordEvent(Map<String, @Nullable Object> parameters) {
        return neo4j.query(RECORD_EVENT)
                .bindAll(parameters)
                .fetchAs(Event.class)
                .mappedBy((types, record) -> Event.of(record.get("e").asNode()))
                .one()
                .orElseThrow();
    }

    Optional<String> speakerOf(String statementId) {
        return neo4j.query(SPEAKER)
                .bind(statementId)
                .to("id")
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("id").asString())
                .first();
    }

    List<String> reportedQuotes(String statementId) {
        return List.copyOf(neo4j.query(REPORTED_QUOTES)
                .bind(statementId)
                .to("id")
                .fetchAs(String.class)
                .mappedBy((types, record) -> record.get("quote").asString())
                .all());
    }

    Statement recordStatement(Map<String, @Nullable Object> parameters) {
        return neo4j.query(RECORD_STATEMENT)
                .bindAll(parameters)
                .fetchAs(Statement.class)
                .mappedBy((types, record) -> Statement.of(record.get("st").asNode()))
                .one()
                .orElseThrow();
    }

    Source cite(String id, List<String> cites) {
        return neo4j.query(CITE)
                .bindAll(Map.of("id", id, "cites", cites))
                .fetchAs(Source.class)
                .mappedBy((types, record) -> Source.of(record.get("s").asNode()))
                .one()
                .orElseThrow();
    }

    Optional<EvidenceRepository.Subject> targetOf(String id) {
        return neo4j.query(FIND_TARGET)
                .bind(id)
                .to("id")
                .fetchAs(EvidenceRepository.Subject.class)
                .mappedBy((types, record) ->
                        EvidenceRepository.Subject.valueOf(record.get("label").asString()))
                .first();
    }

    Object addEvidence(EvidenceRepository.Subject subject, String id, List<Map<String, String>> evidence) {
        var entity = neo4j.query(ADD_EVIDENCE.formatted(subject.name()))
                .bindAll(Map.of("id", id, "evidence", evidence))
                .fetchAs(Object.class)
                .mappedBy((types, record) -> repository.entity(record, "n"))
                .one()
                .orElseThrow();
        if (subject == EvidenceRepository.Subject.DataFlow) {
            Lineage.refreshEvidenceDates(this::run, List.of(id));
        }
        return entity;
    }

    private void run(String query, Map<String, @Nullable Object> parameters) {
        neo4j.query(query).bindAll(parameters).run();
    }
}
