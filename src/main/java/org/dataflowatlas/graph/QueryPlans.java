package org.dataflowatlas.graph;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Has Neo4j plan a statement before a request's transaction begins, the first time this server sees
 * its shape. Planning a long trace statement takes seconds (up to 5 s for an 8-hop lineage trace on 2
 * cores), and inside the request's transaction that time counted against the API's query timeout: the
 * first lineage trace after a start timed out, and so did each retry until something else had
 * planned it. Here the plan is made by {@code EXPLAIN} in a transaction of its own, under the
 * server's own limit, and Neo4j's plan cache then serves the request.
 *
 * <p>A shape is the statement text with the type of each parameter (Neo4j plans a null and a list
 * apart). The set of shapes is finite: statement texts come from fixed fragments and validated hop
 * counts, never from callers. A shape is remembered for 10 minutes only, because Neo4j may drop or
 * replan a cached plan (new statistics after an import, a full plan cache); re-planning a cached
 * shape costs little. Planning is a help, not a step a request depends on: if it fails, the request
 * still runs (and plans in its own transaction, as before).
 */
@Component
public class QueryPlans {

    private static final Logger log = LoggerFactory.getLogger(QueryPlans.class);

    /** Longer than any plan takes here (8-hop lineage: about 5 s on 2 cores). */
    private static final Duration PLANNING_TIMEOUT = Duration.ofSeconds(60);

    private final Driver driver;
    private final Cache<Shape, Boolean> planned = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(10))
            .maximumSize(10_000)
            .build();

    public QueryPlans(Driver driver) {
        this.driver = driver;
    }

    /** Plans the statement unless a statement of the same shape was planned before; call it outside any transaction. */
    public void ensurePlanned(String cypher, Map<String, @Nullable Object> parameters) {
        var shape = shape(cypher, parameters);
        if (planned.getIfPresent(shape) != null) {
            return;
        }
        try {
            driver.executableQuery("EXPLAIN " + cypher)
                    .withParameters(parameters)
                    .withConfig(QueryConfig.builder()
                            .withRouting(RoutingControl.READ)
                            .withTimeout(PLANNING_TIMEOUT)
                            .build())
                    .execute();
            planned.put(shape, Boolean.TRUE);
        } catch (RuntimeException ex) {
            log.warn("Could not plan a statement ahead of its request (it is planned as it runs): {}", ex.getMessage());
        }
    }

    /** Records a shape as planned (a statement that has just run, as the start-up warm-up does). */
    public void markPlanned(String cypher, Map<String, @Nullable Object> parameters) {
        planned.put(shape(cypher, parameters), Boolean.TRUE);
    }

    public boolean isPlanned(String cypher, Map<String, @Nullable Object> parameters) {
        return planned.getIfPresent(shape(cypher, parameters)) != null;
    }

    /** The text and the parameter types; a reused text (TraceQueries builds each once) hashes once. */
    private record Shape(String cypher, Map<String, String> types) {}

    private static Shape shape(String cypher, Map<String, @Nullable Object> parameters) {
        var types = new TreeMap<String, String>();
        parameters.forEach((name, value) ->
                types.put(name, value == null ? "null" : value.getClass().getSimpleName()));
        return new Shape(cypher, types);
    }
}
