package org.dataflowatlas.organization;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.types.Node;

/** The kind of an organization; each is a Neo4j label beside {@code Organization}. */
public enum OrgKind {
    PLATFORM("Platform"),
    VENDOR("Vendor"),
    AGENCY("Agency"),
    ADVOCACY("Advocacy"),
    PUBLISHER("Publisher"),
    COURT("Court"),
    COMPANY("Company");

    private final String label;

    OrgKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind an organization node's labels give it, if any. */
    public static @Nullable OrgKind of(Node node) {
        return of(node.labels());
    }

    /** The kind these labels of an organization give it, if any. */
    public static @Nullable OrgKind of(Iterable<String> labels) {
        for (var label : labels) {
            for (var kind : values()) {
                if (kind.label().equals(label)) {
                    return kind;
                }
            }
        }
        return null;
    }
}
