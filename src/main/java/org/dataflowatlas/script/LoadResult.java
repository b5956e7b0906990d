package org.dataflowatlas.script;

import java.time.Duration;
import org.neo4j.driver.summary.SummaryCounters;

/** What one script changed, as Neo4j counted it. */
public record LoadResult(
        String script,
        int statements,
        int nodesCreated,
        int nodesDeleted,
        int relationshipsCreated,
        int relationshipsDeleted,
        int propertiesSet,
        int labelsAdded,
        int labelsRemoved,
        int indexesAdded,
        int constraintsAdded,
        Duration elapsed) {

    static LoadResult empty(String script) {
        return new LoadResult(script, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO);
    }

    /** Whether the script wrote any data (schema changes aside). */
    public boolean changedAnything() {
        return nodesCreated
                        + nodesDeleted
                        + relationshipsCreated
                        + relationshipsDeleted
                        + propertiesSet
                        + labelsAdded
                        + labelsRemoved
                > 0;
    }

    LoadResult plus(SummaryCounters counters) {
        return new LoadResult(
                script,
                statements + 1,
                nodesCreated + counters.nodesCreated(),
                nodesDeleted + counters.nodesDeleted(),
                relationshipsCreated + counters.relationshipsCreated(),
                relationshipsDeleted + counters.relationshipsDeleted(),
                propertiesSet + counters.propertiesSet(),
                labelsAdded + counters.labelsAdded(),
                labelsRemoved + counters.labelsRemoved(),
                indexesAdded + counters.indexesAdded(),
                constraintsAdded + counters.constraintsAdded(),
                elapsed);
    }

    LoadResult took(Duration elapsed) {
        return new LoadResult(
                script,
                statements,
                nodesCreated,
                nodesDeleted,
                relationshipsCreated,
                relationshipsDeleted,
                propertiesSet,
                labelsAdded,
                labelsRemoved,
                indexesAdded,
                constraintsAdded,
                elapsed);
    }

    /** One line for a terminal. */
    public String summary() {
        return "%s: %d statements, %d nodes created, %d deleted, %d relationships created, %d deleted, %d properties set,"
                        .formatted(
                                script,
                                statements,
                                nodesCreated,
                                nodesDeleted,
                                relationshipsCreated,
                                relationshipsDeleted,
                                propertiesSet)
                + " %d labels added, %d removed, %d indexes and %d constraints added (%d ms)"
                        .formatted(labelsAdded, labelsRemoved, indexesAdded, constraintsAdded, elapsed.toMillis());
    }
}
