package org.dataflowatlas.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import org.dataflowatlas.OwnDatabase;
import org.dataflowatlas.ReadsNeedKeyIntegrationTest;
import org.dataflowatlas.TestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * traceChanged on a server where reads need a key, with small limits (2 per key, 3 in all): the
 * handshake needs a key, and a subscription beyond either limit is a BAD_REQUEST that names the limit.
 */
@ReadsNeedKeyIntegrationTest
class TraceChangedLimitsTest {

    final int port = OwnDatabase.port();

    final TraceWatch watch = OwnDatabase.bean(TraceWatch.class);

    @Test
    void without_a_key_the_handshake_is_refused() {
        assertThat(firstSignal(subscribe(null))).isInstanceOf(Throwable.class);
        assertThat(watch.open()).isZero();
    }

    @Test
    void subscriptions_beyond_the_limits_per_key_and_in_all_are_bad_requests() {
        var open = new ArrayList<Disposable>();
        try {
            open.add(subscribe(TestSupport.READER_KEY).subscribe());
            open.add(subscribe(TestSupport.READER_KEY).subscribe());
            awaitOpen(2);
            refused(TestSupport.READER_KEY, "dataflow.subscriptions.per-key");

            open.add(subscribe(TestSupport.EDITOR_KEY).subscribe());
            awaitOpen(3);
            refused(TestSupport.EDITOR_KEY, "dataflow.subscriptions.total");
            assertThat(watch.open()).isEqualTo(3);
        } finally {
            open.forEach(Disposable::dispose);
        }
    }

    private void refused(String key, String limit) {
        var error = firstSignal(subscribe(key));
        assertThat(error).isInstanceOf(SubscriptionErrorException.class);
        assertThat(((SubscriptionErrorException) error).getErrors())
                .singleElement()
                .satisfies(graphQlError -> {
                    assertThat(graphQlError.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                    assertThat(graphQlError.getMessage()).contains(limit);
                });
    }

    /** The first thing a subscription gives: an event or the error that ended it. */
    private static Object firstSignal(Flux<GraphQlTester.Response> events) {
        return events.map(Object.class::cast)
                .onErrorResume(failure -> Flux.just(failure))
                .blockFirst(Duration.ofSeconds(60));
    }

    private Flux<GraphQlTester.Response> subscribe(String key) {
        var builder =
                WebSocketGraphQlTester.builder("ws://localhost:" + port + "/graphql-ws", new StandardWebSocketClient());
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder.build()
                .documentName("traceChanged")
                .variable("from", "x")
                .executeSubscription()
                .toFlux();
    }

    private void awaitOpen(int count) {
        for (int i = 0; i < 600 && watch.open() < count; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        assertThat(watch.open()).as("subscriptions open").isEqualTo(count);
    }
}
