package org.dataflowatlas.graph;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;
import org.springframework.stereotype.Component;

/** Any node of the model as its record, by the kinds the capabilities declare ({@link EntityKinds}). */
@Component
public class Entities {

    private final Map<String, EntityKinds.Kind> byLabel = new LinkedHashMap<>();

    Entities(List<EntityKinds> capabilities) {
        capabilities.forEach(capability -> capability.kinds().forEach(kind -> byLabel.put(kind.label(), kind)));
    }

    /** Every kind, for the GraphQL union of entities. */
    public List<EntityKinds.Kind> kinds() {
        return List.copyOf(byLabel.values());
    }

    /** A node with no flow ends. */
    public Object of(Node node) {
        return of(node, null, null);
    }

    /** A node; a flow needs the ids of its ends. */
    public Object of(Node node, @Nullable String fromId, @Nullable String toId) {
        for (var label : node.labels()) {
            var kind = byLabel.get(label);
            if (kind != null) {
                return kind.mapper().map(node, fromId, toId);
            }
        }
        throw new IllegalStateException(
                "Node " + node.get("id") + " with labels " + node.labels() + " is not part of the model");
    }
}
