package org.dataflowatlas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dataflowatlas.AtlasIntegrationTest;
import org.dataflowatlas.InvalidInputException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.TransientDataAccessResourceException;

/**
 * A {@link WriteTransaction} on the real database: a transient error runs the method again in a new
 * transaction, which sees nothing of the attempt that failed; any other error fails at once. The
 * probe bean comes from {@code TestSupport}, so this class shares every other test's context.
 */
@AtlasIntegrationTest
class WriteTransactionTest {

    @Autowired
    WriteTransactionProbe probe;

    @Autowired
    Driver driver;

    @AfterEach
    void cleanUp() {
        driver.executableQuery("MATCH (n:WriteTransactionProbe) DETACH DELETE n")
                .execute();
        probe.reset();
    }

    @Test
    void a_transient_error_runs_the_whole_transaction_again_from_what_is_committed() {
        var written = probe.writeFailingTwice("wt-1");

        assertThat(written).as("probes each attempt saw before writing its own").containsExactly(0L, 0L, 0L);
        assertThat(probes()).as("what the last attempt committed").isEqualTo(1);
    }

    @Test
    void any_other_error_is_thrown_at_once_and_leaves_nothing() {
        assertThatThrownBy(() -> probe.writeThenReject("wt-2"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input.name is required and must not be blank.");

        assertThat(probe.attempts()).isEqualTo(1);
        assertThat(probes()).isZero();
    }

    @Test
    void a_transient_error_found_among_the_causes_counts_and_others_do_not() {
        var deadlock = new TransientDataAccessResourceException(
                "deadlock", new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));

        assertThat(TransientErrors.isTransient(new IllegalStateException("wrapped", deadlock)))
                .isTrue();
        assertThat(TransientErrors.isTransient(new TransientException("Neo.TransientError.General", "busy")))
                .isTrue();
        assertThat(TransientErrors.isTransient(new InvalidInputException("bad")))
                .isFalse();
    }

    private long probes() {
        return driver.executableQuery("MATCH (n:WriteTransactionProbe) RETURN count(n) AS n")
                .execute()
                .records()
                .getFirst()
                .get("n")
                .asLong();
    }
}
