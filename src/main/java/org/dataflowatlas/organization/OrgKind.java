package org.dataflowatlas.organization;

import java.util.Collection;
import java.util.Optional;

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

    static Optional<OrgKind> fromLabels(Collection<String> labels) {
        for (var kind : values()) {
            if (labels.contains(kind.label)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
