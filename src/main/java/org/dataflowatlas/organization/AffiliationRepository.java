package org.dataflowatlas.organization;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.evidence.Retractions.RelationshipFact;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.graph.RelationshipEvidence;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.types.Node;
import org.neo4j.driver.types.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/**
 * People, roles, ownership and agency structure, read with Neo4jClient: roles, ownerships and
 * part-of links are relationships, read together with both ends and their evidence, a whole batch
 * of parents per statement.
 */
@Repository
class AffiliationRepository {

    private static final String PEOPLE = """
            UNWIND $ids AS key
            MATCH (p:Person {id: key})
            RETURN key, p
            """;

    /** What every relationship fact read returns: both ends, the relationship, its evidence and retraction. */
    private static final String FACT_COLUMNS = "key, a, r, b, " + RelationshipEvidence.read("r") + " AS evidence, "
            + RelationshipEvidence.readRetraction("r") + " AS retractionEvidence";

    private static final String ROLES_OF_PEOPLE = """
            UNWIND $ids AS key
            MATCH (a:Person {id: key})-[r:ROLE]->(b:Organization)
            RETURN %s ORDER BY b.id, r.title
            """.formatted(FACT_COLUMNS);

    private static final String ROLES_AT = """
            UNWIND $ids AS key
            MATCH (a:Person)-[r:ROLE]->(b:Organization {id: key})
            RETURN %s ORDER BY a.id, r.title
            """.formatted(FACT_COLUMNS);

    private static final String OWNERS = """
            UNWIND $ids AS key
            MATCH (a)-[r:OWNS]->(b:Organization {id: key}) WHERE a:Person OR a:Organization
            RETURN %s ORDER BY a.id
            """.formatted(FACT_COLUMNS);

    private static final String OWNED_BY = """
            UNWIND $ids AS key
            MATCH (a:%s {id: key})-[r:OWNS]->(b:Organization)
            RETURN %s ORDER BY b.id
            """;

    private static final String PART_OF = """
            UNWIND $ids AS key
            MATCH (a:Organization {id: key})-[r:PART_OF]->(b:Organization)
            RETURN %s ORDER BY b.id
            """.formatted(FACT_COLUMNS);

    private static final String PARTS = """
            UNWIND $ids AS key
            MATCH (a:Organization)-[r:PART_OF]->(b:Organization {id: key})
            RETURN %s ORDER BY a.id
            """.formatted(FACT_COLUMNS);

    // One fact, live or retracted: the live one when there is one, else the latest retraction.
    private static final String FACT = """
            MATCH (a:%1$s {id: $from})-[r:%2$s|RETRACTED]->(b:%3$s {id: $to})
            WHERE (type(r) = '%2$s' OR r.type = '%2$s') AND all(k IN keys($key) WHERE r[k] = $key[k])
            WITH a, r, b, '' AS key ORDER BY type(r) = 'RETRACTED', r.retractedAt DESC LIMIT 1
            RETURN %4$s
            """;

    private final Neo4jClient neo4j;

    AffiliationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Map<String, Person> people(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, PEOPLE, ids, record -> Person.of(record.get("p").asNode()));
    }

    Map<String, List<Role>> rolesOfPeople(Collection<String> personIds) {
        return KeyedQuery.grouped(neo4j, ROLES_OF_PEOPLE, personIds, AffiliationRepository::role);
    }

    Map<String, List<Role>> rolesAt(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, ROLES_AT, organizationIds, AffiliationRepository::role);
    }

    Map<String, List<Ownership>> owners(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, OWNERS, organizationIds, AffiliationRepository::ownership);
    }

    Map<String, List<Ownership>> ownedByOrganizations(Collection<String> organizationIds) {
        return KeyedQuery.grouped(
                neo4j,
                OWNED_BY.formatted("Organization", FACT_COLUMNS),
                organizationIds,
                AffiliationRepository::ownership);
    }

    Map<String, List<Ownership>> ownedByPeople(Collection<String> personIds) {
        return KeyedQuery.grouped(
                neo4j, OWNED_BY.formatted("Person", FACT_COLUMNS), personIds, AffiliationRepository::ownership);
    }

    Map<String, List<PartOf>> partOf(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, PART_OF, organizationIds, AffiliationRepository::partOf);
    }

    Map<String, List<PartOf>> parts(Collection<String> organizationIds) {
        return KeyedQuery.grouped(neo4j, PARTS, organizationIds, AffiliationRepository::partOf);
    }

    Optional<Role> role(String person, String organization, String title) {
        return fact(RelationshipFact.ROLE, person, organization, Map.of("title", title), AffiliationRepository::role);
    }

    Optional<Ownership> ownership(RelationshipFact fact, String owner, String owned) {
        return fact(fact, owner, owned, Map.of(), AffiliationRepository::ownership);
    }

    Optional<PartOf> partOf(String agency, String parent) {
        return fact(RelationshipFact.PART_OF, agency, parent, Map.of(), AffiliationRepository::partOf);
    }

    private <T> Optional<T> fact(
            RelationshipFact fact, String from, String to, Map<String, Object> key, Function<Record, T> mapper) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("from", from);
        parameters.put("to", to);
        parameters.put("key", key);
        return neo4j.query(FACT.formatted(fact.startLabel(), fact.type(), fact.endLabel(), FACT_COLUMNS))
                .bindAll(parameters)
                .fetchAs(Object.class)
                .mappedBy((types, record) -> mapper.apply(record))
                .one()
                .map(value -> {
                    @SuppressWarnings("unchecked")
                    var typed = (T) value;
                    return typed;
                });
    }

    private static boolean retracted(Relationship r) {
        return r.type().equals("RETRACTED");
    }

    private static Role role(Record record) {
        var r = record.get("r").asRelationship();
        return new Role(
                Person.of(record.get("a").asNode()),
                Organization.of(record.get("b").asNode()),
                r.get("title").asString(""),
                r.get("since").asString(null),
                r.get("until").asString(null),
                Evidence.listOf(record.get("evidence")),
                retracted(r),
                Retraction.of(retracted(r), r.get("retractionReason"), record.get("retractionEvidence")));
    }

    /** An owner is a person or an organization. */
    private static Object owner(Node node) {
        return node.hasLabel("Person") ? Person.of(node) : Organization.of(node);
    }

    private static Ownership ownership(Record record) {
        var r = record.get("r").asRelationship();
        return new Ownership(
                owner(record.get("a").asNode()),
                Organization.of(record.get("b").asNode()),
                r.get("since").asString(null),
                r.get("until").asString(null),
                r.get("share").isNull() ? null : r.get("share").asDouble(),
                r.get("former").asBoolean(false),
                Evidence.listOf(record.get("evidence")),
                retracted(r),
                Retraction.of(retracted(r), r.get("retractionReason"), record.get("retractionEvidence")));
    }

    private static PartOf partOf(Record record) {
        var r = record.get("r").asRelationship();
        return new PartOf(
                Organization.of(record.get("a").asNode()),
                Organization.of(record.get("b").asNode()),
                r.get("since").asString(null),
                r.get("until").asString(null),
                Evidence.listOf(record.get("evidence")),
                retracted(r),
                Retraction.of(retracted(r), r.get("retractionReason"), record.get("retractionEvidence")));
    }
}
