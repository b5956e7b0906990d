package org.dataflowatlas.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.FlowPredicates;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Entities;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Revisions;
import org.dataflowatlas.organization.OrganizationService;
import org.neo4j.driver.Record;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An entity's history in one read statement: events, statements, flows starting and ending, ownership
 * changes; as known on a date or recorded at an instant, what was known or recorded then.
 */
@Service
@Transactional(readOnly = true)
public class TimelineService {

    // The entity is found through each label's id index (ids are unique per label, not globally).
    private static final String FIND = """
            CALL () {
              MATCH (n:Organization {id: $id}) RETURN n
              UNION MATCH (n:Person {id: $id}) RETURN n
              UNION MATCH (n:Product {id: $id}) RETURN n
              UNION MATCH (n:DataCategory {id: $id}) RETURN n
              UNION MATCH (n:DataFlow {id: $id}) RETURN n
              UNION MATCH (n:Event {id: $id}) RETURN n
              UNION MATCH (n:Statement {id: $id}) RETURN n
              UNION MATCH (n:Policy {id: $id}) RETURN n
              UNION MATCH (n:Agreement {id: $id}) RETURN n
              UNION MATCH (n:Source {id: $id}) RETURN n
            }
            WITH n LIMIT 1
            """;

    private static final String EXISTS = FIND + "RETURN count(n) > 0 AS found";

    private static final String TIMELINE = FIND
            + """
            WITH n,
                 COLLECT { MATCH (n)<-[:INVOLVES]-(e:Event) RETURN e
                           UNION MATCH (e:Event) WHERE e = n RETURN e } AS candidateEvents,
                 COLLECT { MATCH (n)<-[:ABOUT]-(st:Statement) RETURN st
                           UNION MATCH (n)-[:STATED]->(st:Statement) RETURN st
                           UNION MATCH (st:Statement) WHERE st = n RETURN st
                         } AS candidateStatements,
                 COLLECT { MATCH (n)-[:SENDS]->(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:TO]-(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:VIA]-(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:CARRIES]-(f:DataFlow) RETURN f
                           UNION MATCH (f:DataFlow) WHERE f = n RETURN f } AS candidateFlows,
                 COLLECT { MATCH (owner)-[r:OWNS]->(owned) WHERE owner = n OR owned = n
                           RETURN {r: r, owner: owner, owned: owned} } AS candidateOwnerships
            // Retracted events and statements are kept in the graph, not told as history; as known on a
            // date or recorded at an instant, only what was known or recorded then is told.
            WITH n, [e IN candidateEvents WHERE %1$s AND %2$s] AS events,
                 [st IN candidateStatements WHERE %3$s AND %4$s] AS statements,
                 [f IN candidateFlows WHERE %5$s AND %6$s] AS flows,
                 [o IN candidateOwnerships WHERE %7$s] AS ownerships
            CALL (events, statements, flows, ownerships) {
              UNWIND events AS e
              RETURN 'EVENT' AS kind, e.date AS date, e.title AS title, e AS subject, null AS revision, null AS fromId, null AS toId
              UNION ALL
              UNWIND statements AS st
              RETURN 'STATEMENT' AS kind, st.date AS date, st.text AS title, st AS subject, null AS revision, null AS fromId, null AS toId
              UNION ALL
              UNWIND flows AS f
              MATCH (s:Organization)-[:SENDS]->(f)-[:TO]->(t:Organization)
              WITH f, s, t, %10$s + ' → ' + %11$s AS ends, %12$s AS revision
              WITH f, s, t, revision, coalesce(revision, f) AS held, ends
              WITH f, s, t, revision, held, ends + ' (' + held.purpose + ')' AS label,
                   COLLECT { MATCH (f)-[:EVIDENCED_BY]->(src:Source) WHERE src.published IS NOT NULL
                             RETURN src.published ORDER BY src.published LIMIT 1 } AS firstEvidence
              UNWIND [
                {kind: 'FLOW_START', date: held.since, title: label + ' begins'},
                {kind: 'FLOW_FIRST_EVIDENCED', date: CASE WHEN held.since IS NULL THEN firstEvidence[0] END,
                 title: label + ' first evidenced'},
                {kind: 'FLOW_END', date: CASE WHEN %8$s THEN held.until END, title: label + ' ends'},
                {kind: 'FLOW_RETRACTED', date: CASE WHEN f.retracted AND NOT %9$s THEN '' END,
                 title: label + ' retracted: ' + coalesce(f.retractionReason, '')}
              ] AS entry
              WITH entry, f, s, t, revision WHERE entry.date IS NOT NULL
              RETURN entry.kind AS kind, nullif(entry.date, '') AS date, entry.title AS title, f AS subject,
                     revision, s.id AS fromId, t.id AS toId
              UNION ALL
              UNWIND ownerships AS o
              UNWIND [
                {kind: 'OWNERSHIP_START', date: o.r.since, title: coalesce(o.owner.name, o.owner.id) + ' takes ownership of ' + coalesce(o.owned.name, o.owned.id)},
                {kind: 'OWNERSHIP_END', date: o.r.until, title: coalesce(o.owner.name, o.owner.id) + ' no longer owns ' + coalesce(o.owned.name, o.owned.id)}
              ] AS entry
              WITH entry, o WHERE entry.date IS NOT NULL
              RETURN entry.kind AS kind, entry.date AS date, entry.title AS title, o.owner AS subject, null AS revision,
                     null AS fromId, null AS toId
            }
            RETURN kind, date, title, subject, revision, fromId, toId
            """.formatted(
                            AsOf.standing("e"),
                            AsOf.counts("e"),
                            AsOf.standing("st"),
                            AsOf.counts("st", "REPORTED_IN"),
                            FlowPredicates.recorded("f"),
                            FlowPredicates.known("f"),
                            AsOf.relationshipCounts("o.r"),
                            // An end is told once its evidence is known and it is recorded, as traces read it.
                            """
                    ($anyKnown OR held.untilKnownSince <= $knownOn)
                      AND ($anyRecorded OR held.untilRecordedAt <= $recordedAsOf)""",
                            FlowPredicates.notRetracted("f"),
                            // Names, and the flow's revision that held, as recorded at the instant if one is asked for.
                            Revisions.value("s", "coalesce(s.name, s.id)", "coalesce(revision.name, s.id)"),
                            Revisions.value("t", "coalesce(t.name, t.id)", "coalesce(revision.name, t.id)"),
                            Revisions.value("f", "null", "revision"));

    private final Neo4jClient neo4j;
    private final OrganizationService organizations;
    private final Entities entities;

    TimelineService(Neo4jClient neo4j, OrganizationService organizations, Entities entities) {
        this.entities = entities;
        this.neo4j = neo4j;
        this.organizations = organizations;
    }

    /** Oldest first; a partial date sorts by the first day it covers, then the shorter interval first; undated last. */
    public List<TimelineEntry> timeline(String id, AsOf asOf) {
        Ids.checkSlug("entity", id);
        var parameters = new HashMap<String, Object>(asOf.parameters());
        parameters.put("id", id);
        var entries = new ArrayList<TimelineEntry>(neo4j.query(TIMELINE)
                .bindAll(parameters)
                .fetchAs(TimelineEntry.class)
                .mappedBy((types, record) -> new TimelineEntry(
                        record.get("date").asString(null),
                        TimelineKind.valueOf(record.get("kind").asString()),
                        record.get("title").asString(""),
                        subject(record)))
                .all());
        if (entries.isEmpty() && !exists(id)) {
            var kept = organizations.canonicalId(id);
            if (!kept.equals(id)) { // the id of an organization merged into another
                return timeline(kept, asOf);
            }
            throw new NotFoundException("entity: nothing has the id '" + id + "'. Find ids with search(text: …).");
        }
        entries.sort(Comparator.comparing(
                        (TimelineEntry entry) -> entry.date() == null ? null : PartialDate.parse(entry.date()),
                        Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(TimelineEntry::kind)
                .thenComparing(TimelineEntry::title));
        return entries;
    }

    /** The entry's subject; a flow as it stood at the instant asked for, when corrected since. */
    private Object subject(Record record) {
        var subject = entities.of(
                record.get("subject").asNode(),
                record.get("fromId").asString(null),
                record.get("toId").asString(null));
        var revision = record.get("revision");
        if (subject instanceof DataFlow flow && !revision.isNull()) {
            return flow.asRecorded(revision.asNode(), flow.sender(), flow.recipient());
        }
        return subject;
    }

    private boolean exists(String id) {
        return neo4j.query(EXISTS)
                .bind(id)
                .to("id")
                .fetchAs(Boolean.class)
                .mappedBy((types, record) -> record.get("found").asBoolean())
                .one()
                .orElse(false);
    }
}
