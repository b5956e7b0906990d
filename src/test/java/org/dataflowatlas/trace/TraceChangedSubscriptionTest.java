package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.flow.AccessMethod;
import org.dataflowatlas.flow.CategoryInput;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.FlowInput;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.script.CypherScriptLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.publisher.Flux;

/**
 * traceChanged over a real WebSocket: one event for one committed write that changes the trace,
 * none for a rolled-back one. "None" is shown by order, not by waiting: the event after the
 * rollback is the next committed write's. Ids start with {@code sub-}.
 */
@AtlasIntegrationTest
class TraceChangedSubscriptionTest {

    @LocalServerPort
    int port;

    @Autowired
    FlowService flows;

    @Autowired
    TraceWatch watch;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    CypherScriptLoader loader;

    @Autowired
    Driver driver;

    @BeforeEach
    void fixture() {
        removeOurs();
        loader.load(new ClassPathResource("fixtures/subscription-fixture.cypher"));
    }

    @AfterEach
    void removeOurs() {
        driver.executableQuery("MATCH (n) WHERE n.id STARTS WITH 'sub-' DETACH DELETE n")
                .execute();
    }

    @Test
    void a_committed_write_sends_one_event_and_a_rolled_back_one_none() {
        var tester = WebSocketGraphQlTester.builder(
                        "ws://localhost:" + port + "/graphql-ws", new StandardWebSocketClient())
                .build();
        int before = watch.open();
        var events = new LinkedBlockingQueue<GraphQlTester.Response>();
        var failures = new LinkedBlockingQueue<Throwable>();
        var subscription = tester.documentName("traceChanged")
                .variable("from", "sub-platform")
                .executeSubscription()
                .toFlux()
                .subscribe(events::add, failures::add);
        try {
            awaitOpen(before + 1);
            flows.record(flow("sub-f1", "sub-vendor"));
            var first = next(events, failures);
            first.path("traceChanged.time").entity(String.class).isEqualTo("RECORDED");
            first.path("traceChanged.gained[*].organization.id")
                    .entityList(String.class)
                    .containsExactly("sub-vendor");
            first.path("traceChanged.gained[0].causes[0].flow.id")
                    .entity(String.class)
                    .isEqualTo("sub-f1");
            first.path("traceChanged.gained[0].causes[0].operation")
                    .entity(String.class)
                    .isEqualTo("recordFlow");

            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                flows.record(flow("sub-f2", "sub-agency"));
                status.setRollbackOnly();
            });
            flows.record(flow("sub-f3", "sub-other"));
            // The next event is the second commit's: the rolled-back write sent none.
            next(events, failures)
                    .path("traceChanged.gained[*].organization.id")
                    .entityList(String.class)
                    .containsExactly("sub-other");
            assertThat(events).as("no further event").isEmpty();
        } finally {
            subscription.dispose();
        }
        assertThat(driver.executableQuery("MATCH (f:DataFlow {id: 'sub-f2'}) RETURN count(f) AS n")
                        .execute()
                        .records()
                        .getFirst()
                        .get("n")
                        .asLong())
                .as("the rolled-back flow is not in the graph")
                .isZero();
    }

    @Test
    void an_unknown_origin_is_refused_when_subscribing() {
        var tester = WebSocketGraphQlTester.builder(
                        "ws://localhost:" + port + "/graphql-ws", new StandardWebSocketClient())
                .build();
        var error = tester.documentName("traceChanged")
                .variable("from", "sub-nobody")
                .executeSubscription()
                .toFlux()
                .map(Object.class::cast)
                .onErrorResume(failure -> Flux.just(failure))
                .blockFirst(Duration.ofSeconds(60));
        assertThat(error).isInstanceOf(SubscriptionErrorException.class);
        assertThat(((SubscriptionErrorException) error).getErrors())
                .singleElement()
                .satisfies(graphQlError -> {
                    assertThat(graphQlError.getErrorType().toString()).isEqualTo("NOT_FOUND");
                    assertThat(graphQlError.getMessage()).contains("sub-nobody");
                });
    }

    /** The next event, waiting for it at most a minute (a slow machine is not a failure; a missing event is). */
    private static GraphQlTester.Response next(
            LinkedBlockingQueue<GraphQlTester.Response> events, LinkedBlockingQueue<Throwable> failures) {
        try {
            var event = events.poll(60, TimeUnit.SECONDS);
            assertThat(failures).as("subscription errors").isEmpty();
            assertThat(event).as("an event").isNotNull();
            return event;
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The server registers a subscription after the client sent it; writes before that would go unseen. */
    private void awaitOpen(int count) {
        for (int i = 0; i < 600 && watch.open() < count; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        assertThat(watch.open()).as("subscriptions open").isGreaterThanOrEqualTo(count);
    }

    private static FlowInput flow(String id, String to) {
        return new FlowInput(
                id,
                "sub-platform",
                to,
                List.of(new CategoryInput("sub-posts", null, null, null, null)),
                null,
                Purpose.LAW_ENFORCEMENT,
                AccessMethod.API,
                false,
                null,
                null,
                Confidence.REPORTED,
                null,
                null,
                List.of(new EvidenceInput("sub-source", "row " + id)),
                null);
    }
}
