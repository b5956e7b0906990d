package org.dataflowatlas.graph;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.resilience.annotation.Retryable;
import org.springframework.transaction.annotation.Transactional;

/**
 * A service method that writes: one read-write transaction, run again as a whole when Neo4j reports
 * a transient error (a deadlock between concurrent writers, a lock wait that timed out, a leader
 * switch) — the managed-transaction rule for writes that go through Spring's transaction manager.
 * The retry sits outside the transaction ({@link TransientErrors} says why), so every attempt starts
 * from what is committed and leaves nothing of a failed attempt behind.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Transactional
// Up to about 14 s of attempts (the driver's own managed transactions allow 30 s): on a busy
// machine writers on the same nodes deadlock again and again before one gets through.
@Retryable(predicate = TransientErrors.class, maxRetries = 20, delay = 10, jitter = 10, multiplier = 2, maxDelay = 1000)
public @interface WriteTransaction {}
