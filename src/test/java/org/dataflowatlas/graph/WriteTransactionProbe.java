package org.dataflowatlas.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.InvalidInputException;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Writes a node, then fails as told; records how many probes each attempt found before it wrote.
 * State is read through methods: a field read on the proxy would not reach the bean behind it.
 */
public class WriteTransactionProbe {
    private final Neo4jClient neo4j;
    private final List<Long> seen = new ArrayList<>();
    private int attempts;

    public WriteTransactionProbe(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public int attempts() {
        return attempts;
    }

    public void reset() {
        seen.clear();
        attempts = 0;
    }

    @WriteTransaction
    public List<Long> writeFailingTwice(String id) {
        write(id);
        if (++attempts < 3) {
            throw new TransientDataAccessResourceException(
                    "deadlock", new TransientException("Neo.TransientError.Transaction.DeadlockDetected", "deadlock"));
        }
        return List.copyOf(seen);
    }

    @WriteTransaction
    public void writeThenReject(String id) {
        write(id);
        attempts++;
        throw new InvalidInputException("input.name is required and must not be blank.");
    }

    private void write(String id) {
        seen.add(neo4j.query("MATCH (n:WriteTransactionProbe) RETURN count(n) AS n")
                .fetchAs(Long.class)
                .one()
                .orElseThrow());
        neo4j.query("CREATE (:WriteTransactionProbe {id: $id})")
                .bindAll(Map.of("id", id))
                .run();
    }
}
