package org.dataflowatlas.neo4j;

import java.util.Optional;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * An external server (NEO4J_URI, Aura, a cluster): Spring Boot builds the driver from
 * {@code spring.neo4j.*}, which application.properties maps from NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.External.class)
class ExternalNeo4jConfiguration {

    @Bean
    Neo4jConnectionInfo neo4jConnectionInfo(Neo4jConnectionDetails details) {
        return new Neo4jConnectionInfo(false, details.getUri().toString(), Optional.empty(), Optional.empty());
    }
}
