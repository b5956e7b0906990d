package org.dataflowatlas.graph;

import java.lang.reflect.Method;
import org.neo4j.driver.exceptions.RetryableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryEvent;
import org.springframework.resilience.retry.MethodRetryPredicate;

/**
 * Which failures of a {@link WriteTransaction} are worth a second attempt, and the log line each
 * attempt leaves. Spring's retry advisor joins a bean's existing proxy in front of its transaction
 * advisor, so a retried method opens a new transaction each time rather than repeating work inside
 * one that Neo4j has already rolled back.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
public class TransientErrors implements MethodRetryPredicate {

    private static final Logger log = LoggerFactory.getLogger(TransientErrors.class);

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return isTransient(failure);
    }

    static boolean isTransient(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RetryableException) {
                return true;
            }
        }
        return false;
    }

    @EventListener
    void onRetry(MethodRetryEvent event) {
        if (!event.isRetryAborted()) {
            log.info(
                    "Transient Neo4j error in {} (a deadlock or lock timeout between writers): running the"
                            + " transaction again",
                    event.getMethod().getName());
        }
    }
}
