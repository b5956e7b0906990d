package org.dataflowatlas.ftm;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.graph.Ids;

/**
 * How this product's facts are written in FtM and read back: entity ids, and the fixed wording of
 * what FtM has no property for (what is inferred, a group of unnamed members, a dataset's licence),
 * so an export imported again gives the same facts.
 */
public final class FtmConventions {

    private FtmConventions() {}

    /** The id prefix of each kind of node that becomes an FtM entity of its own. */
    private static final Map<String, String> PREFIXES = Map.of(
            "Organization", "org",
            "Person", "person",
            "Source", "source",
            "DataFlow", "flow",
            "Event", "event");

    /** A note marking one field as inferred: {@code Inferred, not stated: FIELD: REASON}. */
    public static final String INFERRED = "Inferred, not stated: ";

    /** A note on an organization standing for unnamed members: {@code Group of unnamed members; estimated size: N}. */
    public static final String GROUP = "Group of unnamed members";

    public static final String ESTIMATED_SIZE = "; estimated size: ";

    public static final String LICENCE = "Licence: ";

    public static final String ATTRIBUTION = "Attribution: ";

    /** A note on an event with an amount (a lobbying filing): {@code Amount: 40000.0 USD}. */
    public static final String AMOUNT = "Amount: ";

    /** The start of the Documentation role of a source's link to a party of a fact it is evidence of. */
    public static final String EVIDENCE_ROLE = "evidence: ";

    /** The Documentation role of a source's link to a source it cites. */
    public static final String CITES_ROLE = "cites";

    /** The id of the FtM entity for a node: {@code org.x}, {@code person.elon-musk}, {@code source.seed-article}. */
    public static String entityId(String label, String id) {
        var prefix = PREFIXES.get(label);
        if (prefix == null) {
            throw new IllegalArgumentException("No FtM entity for a " + label);
        }
        return prefix + "." + id;
    }

    public static String ownershipId(String owner, String asset) {
        return "ownership." + owner + "." + asset;
    }

    public static String roleId(String schema, String person, String organization, String title) {
        return schema.toLowerCase(Locale.ROOT) + "." + person + "." + organization + "." + Ids.slugify(title);
    }

    public static String documentationId(String sourceId, String entityId) {
        return "documentation." + sourceId + "." + entityId;
    }

    /**
     * The product id for an FtM entity id: the id this product gave it ({@code org.x} is {@code x}),
     * or, for an entity from elsewhere (OpenSanctions' {@code Q7747}, Aleph's hashes), its id as a slug.
     */
    public static String atlasId(String entityId) {
        int dot = entityId.indexOf('.');
        if (dot > 0 && PREFIXES.containsValue(entityId.substring(0, dot))) {
            var rest = entityId.substring(dot + 1);
            if (rest.equals(Ids.slugify(rest))) {
                return rest;
            }
        }
        return Ids.slugify(entityId);
    }

    /** The Documentation role naming the fact (an FtM interval's id) a source is evidence of. */
    public static String evidenceRole(String factId) {
        return EVIDENCE_ROLE + factId;
    }

    /** The fact a Documentation role names, if it is an evidence role. */
    public static Optional<String> evidenceOf(String role) {
        return role.startsWith(EVIDENCE_ROLE) ? Optional.of(role.substring(EVIDENCE_ROLE.length())) : Optional.empty();
    }

    /** The note saying a field is inferred, and why. */
    public static String inferredNote(String field, String reason) {
        return INFERRED + field + ": " + reason;
    }

    /** The field and reason of an inferred note, if the text is one. */
    public static Optional<Map.Entry<String, String>> inferred(String note) {
        if (!note.startsWith(INFERRED)) {
            return Optional.empty();
        }
        var rest = note.substring(INFERRED.length());
        int colon = rest.indexOf(": ");
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(rest.substring(0, colon), rest.substring(colon + 2)));
    }
}
