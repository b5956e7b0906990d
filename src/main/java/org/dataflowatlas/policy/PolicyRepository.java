package org.dataflowatlas.policy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.KeyedQuery;
import org.dataflowatlas.graph.Mapping;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.trace.FlowPath;
import org.dataflowatlas.trace.TraceService;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;

/** Policies, agreements and the conflicts between them and the flows (the statement lives with the other traces). */
@Repository
class PolicyRepository {

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

    List<PolicyConflict> conflicts(TraceService.TraceStatement statement) {
        return List.copyOf(neo4j.query(statement.cypher())
                .bindAll(statement.parameters())
                .fetchAs(PolicyConflict.class)
                .mappedBy((types, record) -> new PolicyConflict(
                        record.get("platformId").asString(),
                        record.get("policyId").asString(),
                        record.get("flowId").asString(),
                        Purpose.valueOf(record.get("purpose").asString()),
                        FlowPath.of(record.get("organizations"), record.get("flows"), true),
                        Approval.valueOf(record.get("approval").asString()),
                        record.get("agreementIds").asList(Value::asString)))
                .all());
    }

    Map<String, Policy> policies(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j, POLICIES, ids, record -> Mapping.policy(record.get("p").asNode()));
    }

    Map<String, Agreement> agreements(Collection<String> ids) {
        return KeyedQuery.single(
                neo4j,
                AGREEMENTS,
                ids,
                record -> Mapping.agreement(record.get("a").asNode()));
    }

    Map<String, Organization> publishers(Collection<String> policyIds) {
        return KeyedQuery.single(
                neo4j,
                PUBLISHERS,
                policyIds,
                record -> Mapping.organization(record.get("o").asNode()));
    }

    Map<String, List<Organization>> parties(Collection<String> agreementIds) {
        return KeyedQuery.grouped(
                neo4j,
                PARTIES,
                agreementIds,
                record -> Mapping.organization(record.get("o").asNode()));
    }

    Map<String, List<Policy>> policiesOf(Collection<String> organizationIds) {
        return KeyedQuery.grouped(
                neo4j,
                POLICIES_OF,
                organizationIds,
                record -> Mapping.policy(record.get("p").asNode()));
    }
}
