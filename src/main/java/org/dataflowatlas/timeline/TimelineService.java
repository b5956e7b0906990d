package org.dataflowatlas.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.graph.Entities;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.OrganizationService;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An entity's history in one read statement: events, statements, flows starting and ending, ownership changes. */
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

    private static final String TIMELINE = FIND + """
            WITH n,
                 // Retracted events and statements are kept in the graph, not told as history.
                 COLLECT { MATCH (n)<-[:INVOLVES]-(e:Event) WHERE NOT coalesce(e.retracted, false) RETURN e
                           UNION MATCH (e:Event) WHERE e = n AND NOT coalesce(e.retracted, false) RETURN e } AS events,
                 COLLECT { MATCH (n)<-[:ABOUT]-(st:Statement) WHERE NOT coalesce(st.retracted, false) RETURN st
                           UNION MATCH (n)-[:STATED]->(st:Statement) WHERE NOT coalesce(st.retracted, false) RETURN st
                           UNION MATCH (st:Statement) WHERE st = n AND NOT coalesce(st.retracted, false) RETURN st
                         } AS statements,
                 COLLECT { MATCH (n)-[:SENDS]->(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:TO]-(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:VIA]-(f:DataFlow) RETURN f
                           UNION MATCH (n)<-[:CARRIES]-(f:DataFlow) RETURN f
                           UNION MATCH (f:DataFlow) WHERE f = n RETURN f } AS flows,
                 COLLECT { MATCH (owner)-[r:OWNS]->(owned) WHERE owner = n OR owned = n
                           RETURN {r: r, owner: owner, owned: owned} } AS ownerships
            CALL (events, statements, flows, ownerships) {
              UNWIND events AS e
              RETURN 'EVENT' AS kind, e.date AS date, e.title AS title, e AS subject, null AS fromId, null AS toId
              UNION ALL
              UNWIND statements AS st
              RETURN 'STATEMENT' AS kind, st.date AS date, st.text AS title, st AS subject, null AS fromId, null AS toId
              UNION ALL
              UNWIND flows AS f
              MATCH (s:Organization)-[:SENDS]->(f)-[:TO]->(t:Organization)
              WITH f, s, t, coalesce(s.name, s.id) + ' → ' + coalesce(t.name, t.id) + ' (' + f.purpose + ')' AS label,
                   COLLECT { MATCH (f)-[:EVIDENCED_BY]->(src:Source) WHERE src.published IS NOT NULL
                             RETURN src.published ORDER BY src.published LIMIT 1 } AS firstEvidence
              UNWIND [
                {kind: 'FLOW_START', date: f.since, title: label + ' begins'},
                {kind: 'FLOW_FIRST_EVIDENCED', date: CASE WHEN f.since IS NULL THEN firstEvidence[0] END,
                 title: label + ' first evidenced'},
                {kind: 'FLOW_END', date: f.until, title: label + ' ends'},
                {kind: 'FLOW_RETRACTED', date: CASE WHEN f.retracted THEN '' END, title: label + ' retracted: ' + coalesce(f.retractionReason, '')}
              ] AS entry
              WITH entry, f, s, t WHERE entry.date IS NOT NULL
              RETURN entry.kind AS kind, nullif(entry.date, '') AS date, entry.title AS title, f AS subject,
                     s.id AS fromId, t.id AS toId
              UNION ALL
              UNWIND ownerships AS o
              UNWIND [
                {kind: 'OWNERSHIP_START', date: o.r.since, title: coalesce(o.owner.name, o.owner.id) + ' takes ownership of ' + coalesce(o.owned.name, o.owned.id)},
                {kind: 'OWNERSHIP_END', date: o.r.until, title: coalesce(o.owner.name, o.owner.id) + ' no longer owns ' + coalesce(o.owned.name, o.owned.id)}
              ] AS entry
              WITH entry, o WHERE entry.date IS NOT NULL
              RETURN entry.kind AS kind, entry.date AS date, entry.title AS title, o.owner AS subject, null AS fromId, null AS toId
            }
            RETURN kind, date, title, subject, fromId, toId
            """;

    private final Neo4jClient neo4j;
    private final OrganizationService organizations;
    private final Entities entities;

    TimelineService(Neo4jClient neo4j, OrganizationService organizations, Entities entities) {
        this.entities = entities;
        this.neo4j = neo4j;
        this.organizations = organizations;
    }

    /** Oldest first; a partial date sorts by the first day it covers, then the shorter interval first; undated last. */
    public List<TimelineEntry> timeline(String id) {
        Ids.checkSlug("entity", id);
        var entries = new ArrayList<TimelineEntry>(neo4j.query(TIMELINE)
                .bind(id)
                .to("id")
                .fetchAs(TimelineEntry.class)
                .mappedBy((types, record) -> new TimelineEntry(
                        record.get("date").asString(null),
                        TimelineKind.valueOf(record.get("kind").asString()),
                        record.get("title").asString(""),
                        entities.of(
                                record.get("subject").asNode(),
                                record.get("fromId").asString(null),
                                record.get("toId").asString(null))))
                .all());
        if (entries.isEmpty() && !exists(id)) {
            var kept = organizations.canonicalId(id);
            if (!kept.equals(id)) { // the id of an organization merged into another
                return timeline(kept);
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
