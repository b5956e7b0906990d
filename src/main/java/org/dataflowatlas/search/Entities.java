package org.dataflowatlas.search;

import org.dataflowatlas.evidence.Event;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.evidence.Statement;
import org.dataflowatlas.flow.DataCategory;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.Product;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.Person;
import org.dataflowatlas.policy.Agreement;
import org.dataflowatlas.policy.Policy;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** The members of the {@code Entity} union: every kind of node of the model, as its record. */
public final class Entities {

    private Entities() {}

    /**
     * Any node of the model as its record (for search hits, timelines). A flow needs its ends: pass
     * them (or null for other nodes).
     */
    public static Object of(Node node, @Nullable String fromId, @Nullable String toId) {
        if (node.hasLabel("Organization")) {
            return Organization.of(node);
        }
        if (node.hasLabel("DataFlow")) {
            return DataFlow.of(node, String.valueOf(fromId), String.valueOf(toId));
        }
        if (node.hasLabel("Person")) {
            return Person.of(node);
        }
        if (node.hasLabel("Product")) {
            return Product.of(node);
        }
        if (node.hasLabel("DataCategory")) {
            return DataCategory.of(node);
        }
        if (node.hasLabel("Source")) {
            return Source.of(node);
        }
        if (node.hasLabel("Event")) {
            return Event.of(node);
        }
        if (node.hasLabel("Statement")) {
            return Statement.of(node);
        }
        if (node.hasLabel("Policy")) {
            return Policy.of(node);
        }
        if (node.hasLabel("Agreement")) {
            return Agreement.of(node);
        }
        throw new IllegalStateException(
                "Node " + node.get("id") + " with labels " + node.labels() + " is not part of the model");
    }
}
