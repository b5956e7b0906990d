package org.dataflowatlas.graph;

import java.time.Duration;
import java.util.function.Supplier;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.dao.TransientDataAccessException;

/**
 * Runs a whole write transaction again when Neo4j reports a transient error (a deadlock between
 * concurrent writers, a lock wait that timed out, a leader switch): the managed-transaction rule,
 * for writes that go through Spring's transaction manager. Call it outside the transaction.
 */
public final class Retries {

    private static final Logger log = LoggerFactory.getLogger(Retries.class);

    private static final RetryTemplate TRANSIENT = new RetryTemplate(RetryPolicy.builder()
            .maxRetries(8)
            .delay(Duration.ofMillis(10))
            .multiplier(2)
            .maxDelay(Duration.ofMillis(500))
            .jitter(Duration.ofMillis(10))
            .predicate(Retries::isTransient)
            .build());

    static {
        TRANSIENT.setRetryListener(new RetryListener() {
            @Override
            public void beforeRetry(RetryPolicy policy, Retryable<?> retryable) {
                log.info("Transient Neo4j error (a deadlock or lock timeout between writers): running the"
                        + " transaction again");
            }
        });
    }

    private Retries() {}

    public static <T> T onTransientErrors(Supplier<T> transaction) {
        return TRANSIENT.invoke(transaction);
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RetryableException) {
                return true;
            }
        }
        return false;
    }
}
