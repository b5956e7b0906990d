package org.dataflowatlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as {@link AtlasIntegrationTest} starts it, but with reads that need a key and small
 * subscription limits (2 per key, 3 in all). Every class that needs such a server carries this one
 * annotation, so they share one Spring context and one Neo4j; having a database of their own, they
 * run beside the classes of the other context, one at a time with the other {@link OwnDatabase} classes.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AtlasIntegrationTest
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(OwnDatabase.LOCK)
@TestPropertySource(
        properties = {
            "dataflow.security.reads=key",
            "dataflow.subscriptions.per-key=2",
            "dataflow.subscriptions.total=3"
        })
public @interface ReadsNeedKeyIntegrationTest {}
