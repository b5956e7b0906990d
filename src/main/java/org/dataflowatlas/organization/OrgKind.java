package org.dataflowatlas.organization;

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
}
