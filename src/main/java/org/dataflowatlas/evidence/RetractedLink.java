package org.dataflowatlas.evidence;

/**
 * A link that was withdrawn (a citation, a derivation, an offer), with why. {@code from} and
 * {@code to} are the records of its ends (a Source, a DataCategory, an Organization, a Product).
 */
public record RetractedLink(LinkType type, Object from, Object to, Retraction retraction) {

    /** The kinds of link withdrawn through this type. */
    public enum LinkType {
        CITES,
        DERIVED_FROM,
        OFFERS
    }
}
