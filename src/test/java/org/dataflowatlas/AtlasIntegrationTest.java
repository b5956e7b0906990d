package org.dataflowatlas;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The whole application against a real, embedded Neo4j seeded from {@code cypher/seed}: a fresh
 * temporary database on free ports, shared by every test class carrying this annotation (one
 * Spring context, one Neo4j per test JVM).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "dataflow.embedded.temporary=true",
            "dataflow.embedded.bolt-port=0",
            "dataflow.embedded.http-port=0",
            "dataflow.embedded.page-cache=64m",
            // Generous for a busy CI machine; RunawayQueryTest relies on this (or the memory cap) stopping its trace.
            "dataflow.limits.query-timeout=20s",
            // TestSupport.EDITOR_KEY and READER_KEY, by digest as a real configuration holds them.
            "dataflow.security.keys.test-editor.role=editor",
            "dataflow.security.keys.test-editor.sha256=ac54727cc1fa29513d72be3385c4263608ec39d3b71fcd74fd3a175991d2a3be",
            "dataflow.security.keys.test-reader.role=reader",
            "dataflow.security.keys.test-reader.sha256=c48470bb8be6c4d9d15287849a96c9232250c8c97bbfe8ce209fbfb0c6fff6ff"
        })
@AutoConfigureGraphQlTester
@Import(TestSupport.class)
public @interface AtlasIntegrationTest {}
