package org.dataflowatlas.neo4j;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process Neo4j server that runs when no {@code NEO4J_URI} is configured.
 *
 * @param dataDirectory where the database files live, kept across restarts
 * @param listenAddress the interface Bolt and HTTP bind to; localhost keeps the unauthenticated server private
 * @param boltPort Bolt port; 0 picks a free one
 * @param httpPort HTTP port serving Neo4j Browser under /browser/; 0 picks a free one
 * @param temporary use a fresh directory deleted on shutdown instead of {@code dataDirectory} (tests)
 * @param pageCache Neo4j page cache size, e.g. 256m
 * @param transactionTimeout longest a transaction may run before Neo4j stops it (keeps a runaway trace
 *     from holding the server); API requests have their own, shorter, dataflow.limits.query-timeout
 * @param transactionMemory most heap one transaction may use before Neo4j stops it (keeps a path
 *     explosion from exhausting the server's memory)
 */
@ConfigurationProperties("dataflow.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("localhost") String listenAddress,
        @DefaultValue("7687") int boltPort,
        @DefaultValue("7474") int httpPort,
        @DefaultValue("false") boolean temporary,
        @DefaultValue("256m") String pageCache,
        @DefaultValue("60s") java.time.Duration transactionTimeout,
        @DefaultValue("2g") String transactionMemory) {}
