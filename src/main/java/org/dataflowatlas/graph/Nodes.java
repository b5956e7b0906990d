package org.dataflowatlas.graph;

import java.util.Arrays;
import java.util.List;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** What every record's mapping from a node needs: enum properties read with a clear error. */
public final class Nodes {

    private Nodes() {}

    /** Data loaded with plain Cypher may hold any string: say which node is wrong rather than fail obscurely. */
    public static <E extends Enum<E>> E enumValue(Class<E> type, Node node, String property) {
        var value = node.get(property).asString(null);
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "Node '" + node.get("id").asString(null) + "' has " + property + " '" + value
                            + "', which is not one of " + Arrays.toString(type.getEnumConstants()),
                    ex);
        }
    }

    public static <E extends Enum<E>> List<E> enumList(Class<E> type, Node node, String property) {
        return node.get(property).asList(Value::asString, List.<String>of()).stream()
                .map(value -> {
                    try {
                        return Enum.valueOf(type, value);
                    } catch (IllegalArgumentException ex) {
                        throw new IllegalStateException(
                                "Node '" + node.get("id").asString(null) + "' lists " + property + " '" + value
                                        + "', which is not one of " + Arrays.toString(type.getEnumConstants()));
                    }
                })
                .toList();
    }
}
