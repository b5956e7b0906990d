package org.dataflowatlas.trace;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.SessionConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Before the server reports ready, runs each fixed trace statement once with parameters that match
 * nothing, so Neo4j has planned them when the first analyst asks. A freshly started JVM takes a few
 * hundred milliseconds to plan each (a warm one takes tens); doing it here, in the caller's thread
 * and in about a second, moves that from the first calls into start-up. Nothing runs after the
 * start-up report, and the statements touch no data.
 */
@Component
final class TraceStatementPreparation {

    private static final Logger log = LoggerFactory.getLogger(TraceStatementPreparation.class);

    private final Driver driver;
    private final Environment environment;
    private final boolean enabled;

    TraceStatementPreparation(
            Driver driver,
            Environment environment,
            @Value("${dataflow.trace.prepare-statements:true}") boolean enabled) {
        this.driver = driver;
        this.environment = environment;
        this.enabled = enabled;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE) // before the start-up report
    void onReady(ApplicationReadyEvent event) {
        if (!enabled || environment.getProperty("local.server.port") == null) {
            return; // switched off, or a command that serves nothing (`import`, `load` …)
        }
        long started = System.nanoTime();
        var preparations = TraceQueries.preparations();
        try (var session = driver.session(
                SessionConfig.builder().withDefaultAccessMode(AccessMode.READ).build())) {
            for (var preparation : preparations) {
                session.executeRead(tx ->
                        tx.run(preparation.cypher(), preparation.parameters()).consume());
            }
        }
        log.info(
                "Prepared {} trace statements in {} ms",
                preparations.size(),
                (System.nanoTime() - started) / 1_000_000);
    }
}
