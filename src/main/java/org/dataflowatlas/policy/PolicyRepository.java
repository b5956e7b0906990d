package org.dataflowatlas.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Policies, agreements, and the platforms whose policies a policyConflicts question checks. */
@Repository
class PolicyRepository {

    /**
     * The platforms a policyConflicts question covers: each with its policies that prohibit a
     * purpose, and the agreements it is party to with the flows they cover (an agreement approves a
     * prohibited use when it covers a flow of the path and lists the purpose).
     */
    private static final String CONFLICT_PLATFORMS = """
            MATCH (platform:Organization)-[:PUBLISHES]->(policy:Policy)
            WHERE ($platform IS NULL OR platform.id = $platform) AND size(coalesce(policy.prohibitedPurposes, [])) > 0
              AND %1$s AND %2$s
            WITH platform, policy ORDER BY policy.id
            WITH platform, collect({id: policy.id, prohibited: policy.prohibitedPurposes}) AS policies
            RETURN platform.id AS platformId, policies,
                   COLLECT {
                     MATCH (platform)-[:PARTY_TO]->(agreement:Agreement)
                     WHERE %3$s AND %4$s
                     WITH DISTINCT agreement ORDER BY agreement.id
                     RETURN {id: agreement.id, approved: agreement.approvedPurposes,
                             covers: COLLECT { MATCH (agreement)<-[:UNDER]-(covered:DataFlow) RETURN covered.id }}
                   } AS agreements
            ORDER BY platformId
            """.formatted(
            AsOf.standing("policy"), AsOf.counts("policy"), AsOf.standing("agreement"), AsOf.counts("agreement"));

    private static final String POLICIES = """
            UNWIND $ids AS key
            MATCH (p:Policy {id: key})
            RETURN key, p
            """;

    private static final String AGREEMENTS = """
            UNWIND $ids AS key
            MATCH (a:Agreement {id: key})
            RETURN key, a
            """;

    private static final String PUBLISHERS = """
            UNWIND $ids AS key
            MATCH (:Policy {id: key})<-[:PUBLISHES]-(o:Organization)
            RETURN key, o
            """;

    private static final String PARTIES = """
            UNWIND $ids AS key
            MATCH (:Agreement {id: key})<-[:PARTY_TO]-(o:Organization)
            RETURN key, o ORDER BY o.id
            """;

    // Retracted policies stay in the graph but are not part of an organization's current picture.
    private static final String AGREEMENTS_OF_FLOWS = """
            UNWIND $ids AS key
            MATCH (:DataFlow {id: key})-[:UNDER]->(a:Agreement)
            WHERE coalesce(a.retracted, false) = false
            RETURN key, a
            ORDER BY a.id
            """;

    private static final String POLICIES_OF = """
            UNWIND $ids AS key
            MATCH (:Organization {id: key})-[:PUBLISHES]->(p:Policy)
            WHERE coalesce(p.retracted, false) = false
            RETURN key, p ORDER BY p.id
            """;

    private final Neo4jClient neo4j;

    PolicyRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** A platform whose policies prohibit a purpose, with the agreements it is party to. */
    record ConflictPlatform(String platformId, List<ProhibitingPolicy> policies, List<AgreementCover> agreements) {}

    record ProhibitingPolicy(String id, Set<Purpose> prohibited) {}

    /** An agreement and the flows it covers; {@code approved} is null when the agreement says nothing of use. */
    record AgreementCover(String id, @Nullable List<Purpose> approved, List<String> covers) {}

    List<ConflictPlatform> conflictPlatforms(@Nullable String platform, AsOf asOf) {
        var parameters = new HashMap<String, @Nullable Object>(asOf.parameters());
        parameters.put("platform", platform);
        return List.copyOf(neo4j.query(CONFLICT_PLATFORMS)
                .bindAll(parameters)
                .fetchAs(ConflictPlatform.class)
                .mappedBy((types, record) -> new ConflictPlatform(
                        record.get("platformId").asString(),
                        record.get("policies")
                                .asList(policy -> new ProhibitingPolicy(
                                        policy.get("id").asString(),
                                        Set.copyOf(policy.get("prohibited").asList(PolicyRepository::purpose)))),
                        record.get("agreements")
                                .asList(agreement -> new AgreementCover(
                                        agreement.get("id").asString(),
                                        agreement.get("approved").isNull()
                                                ? null
                                                : agreement.get("approved").asList(PolicyRepository::purpose),
                                        agreement.get("covers").asList(Value::asString)))))
                .all());
    }

    private static Purpose purpose(Value value) {
        return Purpose.valueOf(value.asString());
    }

    Map<String, Policy> policies(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, POLICIES, ids, record -> Policy.of(record.get("p").asNode()));
    }

    Map<String, Agreement> agreements(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, AGREEMENTS, ids, record -> Agreement.of(record.get("a").asNode()));
    }

    /** The agreements each flow is recorded as made under (retracted ones left out). */
    Map<String, List<Agreement>> agreementsOf(Collection<String> flowIds) {
        return KeyedQuery.grouped(
                neo4j,
                AGREEMENTS_OF_FLOWS,
                flowIds,
                record -> Agreement.of(record.get("a").asNode()));
    }

    Map<String, Organization> publishers(Collection<String> policyIds) {
        return KeyedQuery.single(
                neo4j,
                PUBLISHERS,
                policyIds,
                record -> Organization.of(record.get("o").asNode()));
    }

    Map<String, List<Organization>> parties(Collection<String> agreementIds) {
        return KeyedQuery.grouped(
                neo4j,
                PARTIES,
                agreementIds,
                record -> Organization.of(record.get("o").asNode()));
    }

    Map<String, List<Policy>> policiesOf(Collection<String> organizationIds) {
        return KeyedQuery.grouped(
                neo4j,
                POLICIES_OF,
                organizationIds,
                record -> Policy.of(record.get("p").asNode()));
    }
}
