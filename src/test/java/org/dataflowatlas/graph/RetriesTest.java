package org.dataflowatlas.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.dataflowatlas.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;

class RetriesTest {

    @Test
    void a_transient_error_runs_the_transaction_again_until_it_succeeds() {
        var attempts = new AtomicInteger();

        var result = Retries.onTransientErrors(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new TransientDataAccessResourceException(
                        "deadlock",
                        new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
            }
            return "written";
        });

        assertThat(result).isEqualTo("written");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void any_other_error_is_thrown_at_once_as_it_is() {
        var attempts = new AtomicInteger();

        assertThatThrownBy(() -> Retries.onTransientErrors(() -> {
                    attempts.incrementAndGet();
                    throw new InvalidInputException("input.name is required and must not be blank.");
                }))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input.name is required and must not be blank.");
        assertThat(attempts).hasValue(1);
    }
}
