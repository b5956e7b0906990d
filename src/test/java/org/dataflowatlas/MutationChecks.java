package org.dataflowatlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Driver;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The checks every mutation test makes: idempotent writes, refusals that write nothing, and cleaning up. */
public final class MutationChecks {

    private MutationChecks() {}

    /**
     * The first send writes something; the second, identical one leaves every fact as the first left
     * it, and only adds its own audit entry (every mutation is audited, even one that changes nothing).
     */
    public static void secondSendChangesNothing(Driver driver, GraphQlTester.Request<?> request) {
        var before = TestSupport.factFingerprint(driver);
        request.execute().errors().verify();
        var afterFirst = TestSupport.factFingerprint(driver);
        long auditedAfterFirst = TestSupport.auditEntries(driver);
        assertThat(afterFirst).as("the first send writes").isNotEqualTo(before);
        request.execute().errors().verify();
        assertThat(TestSupport.factFingerprint(driver))
                .as("the second send changes nothing")
                .isEqualTo(afterFirst);
        assertThat(TestSupport.auditEntries(driver))
                .as("the second send is audited")
                .isEqualTo(auditedAfterFirst + 1);
    }

    /** One error of the given classification whose message contains every fragment; the graph is unchanged. */
    public static void rejectedWithoutWriting(
            Driver driver, GraphQlTester.Request<?> request, ErrorType type, String... fragments) {
        var before = TestSupport.fingerprint(driver);
        var messages = new ArrayList<String>();
        request.execute().errors().satisfy(errors -> {
            assertThat(errors).hasSize(1);
            var error = errors.getFirst();
            messages.add(String.valueOf(error.getMessage()));
            assertThat(error.getErrorType()).as(error.getMessage()).isEqualTo(type);
            assertThat(error.getMessage()).contains(fragments);
        });
        assertThat(messages).hasSize(1);
        assertThat(TestSupport.fingerprint(driver))
                .as("a rejected mutation writes nothing")
                .isEqualTo(before);
    }

    /** Removes every node whose id starts with the prefix, and the audit entries that name such ids. */
    public static void removeTestNodes(Driver driver, String prefix) {
        driver.executableQuery("""
                        MATCH (n) WHERE n.id STARTS WITH $prefix
                           OR (n:AuditEntry AND any(id IN n.ids WHERE id STARTS WITH $prefix))
                        DETACH DELETE n
                        """).withParameters(Map.of("prefix", prefix)).execute();
    }

    public static Map<String, String> evidence(String source, String quote) {
        return Map.of("source", source, "quote", quote);
    }

    /** The column {@code v} of every row, as strings. */
    public static List<String> strings(Driver driver, String query, Map<String, Object> parameters) {
        return driver.executableQuery(query).withParameters(parameters).execute().records().stream()
                .map(r -> r.get("v").asString())
                .toList();
    }
}
