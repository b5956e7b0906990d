package org.dataflowatlas.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.dataflowatlas.graph.QueryPlans;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.RoutingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Has Neo4j plan every trace-shaped statement once, in the background, as soon as the API is up.
 *
 * <p>Neo4j plans a statement the first time it sees its text and caches the plan. A trace statement
 * is one branch per path length, each with the lineage and simple-path rules, and planning one takes
 * 0.1 s (1-hop reachability) to 5 s (8-hop lineage) on 2 cores: long enough that the very first
 * lineage trace after a start could run into the API's 5 s query timeout (requests now have a new
 * shape planned first, outside their transaction: {@link QueryPlans}). The warm-up runs each trace
 * statement with the parameters an unfiltered request sends, from an organization that sends
 * (downstream) or receives (upstream) data, with {@code limit} and {@code maxPaths} 1, so each stops
 * early. Running through real rows matters: on a freshly started JVM, the first trace over real data
 * took 4–5 s more even with its plan cached, until the code that walks the rows was compiled.
 * Requests served meanwhile are answered as usual.
 * Filters that change a parameter's type (a date, a purpose list) may still cost one more plan on
 * their first use. {@code dataflow.warm-up.enabled=false} turns it off.
 */
@Component
class PlanWarmUp {

    private static final Logger log = LoggerFactory.getLogger(PlanWarmUp.class);

    /** No organization has this id (ids are slugs, and slugs have no underscores). */
    static final String NOBODY = "__warm-up__";

    /** Each statement stops early (limit 1), but an external server may have no timeout of its own. */
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(60);

    private final Driver driver;
    private final QueryPlans plans;
    private final Environment environment;
    private final boolean enabled;
    private volatile @Nullable CompletableFuture<Result> running;

    PlanWarmUp(
            Driver driver,
            QueryPlans plans,
            Environment environment,
            @Value("${dataflow.warm-up.enabled:true}") boolean enabled) {
        this.driver = driver;
        this.plans = plans;
        this.environment = environment;
        this.enabled = enabled;
    }

    /** What a warm-up did. */
    record Result(int statements, int failed, long millis) {}

    /** One statement to plan, and the longest path it looks for. */
    record Shape(int hops, TraceService.TraceStatement statement) {}

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (enabled && environment.getProperty("local.server.port") != null) { // only when serving
            running = CompletableFuture.supplyAsync(
                            this::warmUp,
                            task -> Thread.ofPlatform()
                                    .daemon()
                                    .name("plan-warm-up")
                                    .start(task))
                    .whenComplete((result, failure) -> {
                        if (failure != null) { // the rest of the server is unaffected
                            log.warn("Warm-up stopped: {}", failure.getMessage());
                        }
                    });
        }
    }

    /** The warm-up started at start-up, if any. */
    @Nullable
    CompletableFuture<Result> running() {
        return running;
    }

    Result warmUp() {
        return warmUp(statements());
    }

    /** Plans these statements in turn; a failure is logged and the rest still run. */
    Result warmUp(List<Shape> statements) {
        long started = System.nanoTime();
        int failed = 0;
        for (var shape : statements) {
            var statement = shape.statement();
            try {
                driver.executableQuery(statement.cypher())
                        .withParameters(statement.parameters())
                        .withConfig(QueryConfig.builder()
                                .withRouting(RoutingControl.READ)
                                .withTimeout(STATEMENT_TIMEOUT)
                                .build())
                        .execute();
                plans.markPlanned(statement.cypher(), statement.parameters());
            } catch (RuntimeException ex) {
                failed++;
                log.warn("Warm-up could not plan a statement: {}", ex.getMessage());
            }
        }
        var result = new Result(statements.size(), failed, (System.nanoTime() - started) / 1_000_000);
        log.info(
                "Trace statements planned: {} in {} s{}",
                result.statements(),
                result.millis() / 1000.0,
                failed == 0 ? "" : " (" + failed + " failed, see above)");
        return result;
    }

    /** Every trace shape (the default, 4-hop downstream lineage, first), then policyConflicts for one platform, and paths' default. */
    List<Shape> statements() {
        var origins = driver.executableQuery("""
                        OPTIONAL MATCH (sender:Organization)-[:SENDS]->(:DataFlow)
                        WITH sender LIMIT 1
                        OPTIONAL MATCH (receiver:Organization)<-[:TO]-(:DataFlow)
                        WITH sender, receiver LIMIT 1
                        RETURN coalesce(sender.id, $nobody) AS sender, coalesce(receiver.id, $nobody) AS receiver""")
                .withParameters(Map.of("nobody", NOBODY))
                .withConfig(
                        QueryConfig.builder().withRouting(RoutingControl.READ).build())
                .execute()
                .records()
                .getFirst();
        var sender = origins.get("sender").asString();
        var receiver = origins.get("receiver").asString();
        var statements = new ArrayList<Shape>();
        statements.add(trace(sender, Direction.DOWNSTREAM, TraceMode.LINEAGE, 4));
        for (var mode : TraceMode.values()) {
            for (var direction : Direction.values()) {
                for (int hops = 1; hops <= TraceQueries.MAX_HOPS; hops++) {
                    if (!(direction == Direction.DOWNSTREAM && mode == TraceMode.LINEAGE && hops == 4)) {
                        statements.add(
                                trace(direction == Direction.DOWNSTREAM ? sender : receiver, direction, mode, hops));
                    }
                }
            }
        }
        for (int hops = 1; hops <= TraceQueries.MAX_HOPS; hops++) {
            var parameters = TraceService.filterParameters(null, null);
            parameters.put("platform", NOBODY);
            statements.add(new Shape(hops, new TraceService.TraceStatement(TraceQueries.conflicts(hops), parameters)));
        }
        var parameters = TraceService.filterParameters(null, null);
        parameters.put("from", NOBODY);
        parameters.put("to", NOBODY + "-2");
        statements.add(new Shape(6, new TraceService.TraceStatement(TraceQueries.paths(3, 6), parameters)));
        return statements;
    }

    private static Shape trace(String origin, Direction direction, TraceMode mode, int hops) {
        return new Shape(
                hops,
                TraceService.statement(
                        new TraceRequest(origin, direction, mode, hops, null, null, null, null, null, 1, 1)));
    }
}
