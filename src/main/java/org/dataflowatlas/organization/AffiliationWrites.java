package org.dataflowatlas.organization;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.evidence.Retractions.RelationshipFact;
import org.dataflowatlas.graph.RelationshipEvidence;
import org.jspecify.annotations.Nullable;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * Writes of people, roles, ownership and agency structure: one statement each, MERGE on the ids of
 * the ends (and a role's title), so a repeated mutation changes nothing. Absent optional fields keep
 * their value; evidence is added, never replaced.
 */
@Repository
class AffiliationWrites {

    private static final String UPSERT_PERSON = """
            MERGE (p:Person {id: $id})
            SET p.name = $name,
                p.aliases = coalesce($aliases, p.aliases, []),
                p.description = coalesce($description, p.description)
            RETURN p
            """;

    private static final String RECORD_ROLE = """
            MATCH (a:Person {id: $from}), (b:Organization {id: $to})
            MERGE (a)-[r:ROLE {title: $title}]->(b)
            ON CREATE SET r.recordedAt = datetime.transaction()
            SET r.since = coalesce($since, r.since), r.until = coalesce($until, r.until)
            WITH r
            %s
            RETURN count(r) AS n
            """.formatted(RelationshipEvidence.append("r"));

    // The owner's label (Person or Organization) comes from the fact, never from input.
    private static final String RECORD_OWNERSHIP = """
            MATCH (a:%s {id: $from}), (b:Organization {id: $to})
            MERGE (a)-[r:OWNS]->(b)
            ON CREATE SET r.recordedAt = datetime.transaction()
            SET r.since = coalesce($since, r.since), r.until = coalesce($until, r.until),
                r.share = coalesce($share, r.share), r.former = coalesce($former, r.former)
            WITH r
            %s
            RETURN count(r) AS n
            """;

    private static final String RECORD_PART_OF = """
            MATCH (a:Organization {id: $from}), (b:Organization {id: $to})
            MERGE (a)-[r:PART_OF]->(b)
            ON CREATE SET r.recordedAt = datetime.transaction()
            SET r.since = coalesce($since, r.since), r.until = coalesce($until, r.until)
            WITH r
            %s
            RETURN count(r) AS n
            """.formatted(RelationshipEvidence.append("r"));

    // The end's evidence joins the fact's evidence, as endFlow's does.
    private static final String END = """
            MATCH (a:%1$s {id: $from})-[r:%2$s]->(b:%3$s {id: $to})
            WHERE all(k IN keys($key) WHERE r[k] = $key[k])
            SET r.until = $until
            WITH r
            %4$s
            RETURN count(r) AS n
            """;

    // Would the link close a loop? True when the parent already is (transitively) part of the agency.
    private static final String PART_OF_LOOP = """
            RETURN EXISTS { MATCH (:Organization {id: $to})-[:PART_OF*0..]->(:Organization {id: $from}) } AS loop
            """;

    private final Neo4jClient neo4j;

    AffiliationWrites(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Person upsertPerson(Map<String, @Nullable Object> parameters) {
        return neo4j.query(UPSERT_PERSON)
                .bindAll(parameters)
                .fetchAs(Person.class)
                .mappedBy((types, record) -> Person.of(record.get("p").asNode()))
                .one()
                .orElseThrow();
    }

    void recordRole(
            String person,
            String organization,
            String title,
            @Nullable String since,
            @Nullable String until,
            List<Map<String, String>> evidence) {
        var parameters = ends(person, organization, evidence);
        parameters.put("title", title);
        parameters.put("since", since);
        parameters.put("until", until);
        neo4j.query(RECORD_ROLE).bindAll(parameters).run();
    }

    void recordOwnership(
            RelationshipFact fact,
            String owner,
            String owned,
            @Nullable String since,
            @Nullable String until,
            @Nullable Double share,
            @Nullable Boolean former,
            List<Map<String, String>> evidence) {
        var parameters = ends(owner, owned, evidence);
        parameters.put("since", since);
        parameters.put("until", until);
        parameters.put("share", share);
        parameters.put("former", former);
        neo4j.query(RECORD_OWNERSHIP.formatted(fact.startLabel(), RelationshipEvidence.append("r")))
                .bindAll(parameters)
                .run();
    }

    void recordPartOf(
            String agency,
            String parent,
            @Nullable String since,
            @Nullable String until,
            List<Map<String, String>> evidence) {
        var parameters = ends(agency, parent, evidence);
        parameters.put("since", since);
        parameters.put("until", until);
        neo4j.query(RECORD_PART_OF).bindAll(parameters).run();
    }

    void end(
            RelationshipFact fact,
            String from,
            String to,
            Map<String, Object> key,
            String until,
            List<Map<String, String>> evidence) {
        var parameters = ends(from, to, evidence);
        parameters.put("key", key);
        parameters.put("until", until);
        neo4j.query(END.formatted(fact.startLabel(), fact.type(), fact.endLabel(), RelationshipEvidence.append("r")))
                .bindAll(parameters)
                .run();
    }

    boolean wouldLoop(String agency, String parent) {
        return neo4j.query(PART_OF_LOOP)
                .bindAll(Map.of("from", agency, "to", parent))
                .fetchAs(Boolean.class)
                .mappedBy((types, record) -> record.get("loop").asBoolean())
                .one()
                .orElse(false);
    }

    private static Map<String, @Nullable Object> ends(String from, String to, List<Map<String, String>> evidence) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("evidence", evidence);
        return parameters;
    }
}
