package org.dataflowatlas.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import org.dataflowatlas.neo4j.Neo4jConnectionInfo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The same slice against an external server (the official image, as in docker-compose.yml).
 * Needs a Docker engine; skipped cleanly where there is none.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(properties = "dataflow.neo4j.external=true")
@AutoConfigureGraphQlTester
class ExternalNeo4jContainerTest {

    @Container
    @ServiceConnection
    static Neo4jContainer neo4j = new Neo4jContainer("neo4j:2026.08.1").withAdminPassword("verysecret");

    @Autowired
    GraphQlTester graphQl;

    @Autowired
    Neo4jConnectionInfo connection;

    @Test
    void seeds_and_answers_the_slice_from_an_external_server() {
        assertThat(connection.embedded()).isFalse();
        var flow = graphQl.documentName("flowWithEvidence")
                .variable("id", "x-to-dataminr-firehose")
                .execute();
        flow.path("flow.from.id").entity(String.class).isEqualTo("x");
        flow.path("flow.to.id").entity(String.class).isEqualTo("dataminr");
        flow.path("flow.evidence[*].quote")
                .entityList(String.class)
                .satisfies(quotes -> assertThat(quotes)
                        .anyMatch(q ->
                                q.contains("real-time access to the full stream of all publicly available Tweets")));
    }
}
