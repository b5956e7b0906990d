package org.dataflowatlas.graphql;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What one request may ask of the server. The README's "Security and limits" section lists each
 * with its default and the environment variable that changes it.
 *
 * @param maxDepth deepest nesting of fields in a query
 * @param maxComplexity a query's cost: 1 per field, {@code expensiveFieldCost} per trace, paths,
 *     exposure, policy-conflict, search and timeline field
 * @param expensiveFieldCost what each of those analysis fields counts towards {@code maxComplexity}
 * @param maxAliases fields renamed with an alias in one query (alias bombs repeat one expensive field)
 * @param maxRequestSize largest HTTP request body
 * @param queryTimeout longest a request's Cypher may run before Neo4j stops it
 */
@ConfigurationProperties("dataflow.limits")
public record LimitsProperties(
        @DefaultValue("12") int maxDepth,
        @DefaultValue("1000") int maxComplexity,
        @DefaultValue("100") int expensiveFieldCost,
        @DefaultValue("30") int maxAliases,
        @DefaultValue("5MB") DataSize maxRequestSize,
        @DefaultValue("5s") Duration queryTimeout) {}
