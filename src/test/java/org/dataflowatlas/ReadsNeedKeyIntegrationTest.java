package org.dataflowatlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.TestPropertySource;

/**
 * The application as {@link AtlasIntegrationTest} starts it, but with reads that need a key and small
 * subscription limits (2 per key, 3 in all). Every class that needs such a server carries this one
 * annotation, so they share one Spring context and one Neo4j.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AtlasIntegrationTest
@TestPropertySource(
        properties = {
            "dataflow.security.reads=key",
            "dataflow.subscriptions.per-key=2",
            "dataflow.subscriptions.total=3"
        })
public @interface ReadsNeedKeyIntegrationTest {}
