package org.dataflowatlas.graph;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
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
 * counts, never from callers.
 */
@Component
public class QueryPlans {

    private final Driver driver;
    private final Set<String> planned = ConcurrentHashMap.newKeySet();

    public QueryPlans(Driver driver) {
        this.driver = driver;
    }

    /** Plans the statement unless a statement of the same shape was planned before; call it outside any transaction. */
    public void ensurePlanned(String cypher, Map<String, @Nullable Object> parameters) {
        var shape = shape(cypher, parameters);
        if (planned.contains(shape)) {
            return;
        }
        driver.executableQuery("EXPLAIN " + cypher)
                .withParameters(parameters)
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute();
        planned.add(shape);
    }

    /** Records a shape as planned (a statement that has just run, as the start-up warm-up does). */
    public void markPlanned(String cypher, Map<String, @Nullable Object> parameters) {
        planned.add(shape(cypher, parameters));
    }

    public boolean isPlanned(String cypher, Map<String, @Nullable Object> parameters) {
        return planned.contains(shape(cypher, parameters));
    }

    private static String shape(String cypher, Map<String, @Nullable Object> parameters) {
        var types = new TreeMap<String, String>();
        parameters.forEach((name, value) ->
                types.put(name, value == null ? "null" : value.getClass().getSimpleName()));
        return types + "\n" + cypher;
    }
}
