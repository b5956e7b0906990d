package org.dataflowatlas.graph;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/**
 * The kinds of node a capability owns, each as its record: how search hits, timelines, evidence
 * and statements turn any node of the model into what the API serves, without knowing every
 * capability (see {@link Entities}).
 */
public interface EntityKinds {

    /** Maps a node of the kind; a flow also needs the ids of its ends (null for other kinds). */
    @FunctionalInterface
    interface Mapper {
        Object map(Node node, @Nullable String fromId, @Nullable String toId);
    }

    /** A node label, the record behind the GraphQL type of that name, and the mapping. */
    record Kind(String label, Class<?> type, Mapper mapper) {}

    List<Kind> kinds();
}
