package org.dataflowatlas.neo4j;

import java.util.Optional;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The default: a Neo4j server in this process and a Bolt driver to it. Going through Bolt (rather
 * than the embedded Java API) keeps one code path for embedded and external servers.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedNeo4jCondition.class)
class EmbeddedNeo4jConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        return EmbeddedNeo4j.start(properties);
    }

    @Bean(destroyMethod = "close")
    Driver neo4jDriver(EmbeddedNeo4j server) {
        return GraphDatabase.driver(
                server.boltUri(),
                AuthTokens.none(),
                DriverSettings.apply(Config.builder().withoutEncryption()).build());
    }

    @Bean
    Neo4jConnectionInfo neo4jConnectionInfo(EmbeddedNeo4j server) {
        return new Neo4jConnectionInfo(
                true, server.boltUri(), Optional.of(server.browserUrl()), Optional.of(server.dataDirectory()));
    }
}
