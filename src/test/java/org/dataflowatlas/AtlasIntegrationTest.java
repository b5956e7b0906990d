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
            "dataflow.embedded.page-cache=64m"
        })
@AutoConfigureGraphQlTester
@Import(TestSupport.class)
public @interface AtlasIntegrationTest {}
