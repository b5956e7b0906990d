package org.dataflowatlas.graph;

/**
 * Evidence of relationship facts (ownership, roles, agency structure, retracted links). A
 * relationship cannot point to a {@code Source}, so it carries parallel lists: {@code sources}
 * (Source ids) and {@code quotes} (the passage of each). Relationships written before
 * {@code quotes} existed hold one {@code quote} for all their sources; readers and writers take
 * that as the quote of every source listed. A retraction keeps its own evidence the same way in
 * {@code retractionSources} and {@code retractionQuotes}.
 *
 * <p>Each method returns a Cypher fragment for the relationship variable named; only names from
 * code go into it, the evidence itself is always the parameter {@code $evidence}.
 */
public final class RelationshipEvidence {

    private RelationshipEvidence() {}

    // Appends the items of $evidence the relationship does not hold yet, so a repeated write adds nothing.
    private static final String APPEND = """
            CALL (%1$s) {
              WITH %1$s, coalesce(%1$s.%3$s, [s IN coalesce(%1$s.%2$s, []) | %1$s.quote]) AS held
              WITH %1$s, held, [item IN $evidence WHERE NOT any(i IN range(0, size(coalesce(%1$s.%2$s, [])) - 1)
                                 WHERE %1$s.%2$s[i] = item.source AND held[i] = item.quote)] AS fresh
              WHERE size(fresh) > 0 OR %1$s.%3$s IS NULL
              SET %1$s.%2$s = coalesce(%1$s.%2$s, []) + [item IN fresh | item.source],
                  %1$s.%3$s = held + [item IN fresh | item.quote]
            }
            """;

    private static final String READ = """
            COLLECT { UNWIND range(0, size(coalesce(%1$s.%2$s, [])) - 1) AS i
                      MATCH (source:Source {id: %1$s.%2$s[i]})
                      RETURN {source: source, quote: coalesce(%1$s.%3$s[i], %1$s.quote)} }""";

    /** Adds the {@code $evidence} items (maps of source and quote) to the relationship's evidence. */
    public static String append(String relationship) {
        return APPEND.formatted(relationship, "sources", "quotes");
    }

    /**
     * As {@link #append}, for a batch: the evidence of each row of an {@code UNWIND} is that row's
     * {@code evidence} list.
     */
    public static String appendFromRow(String relationship, String row) {
        return append(relationship)
                .replace("CALL (" + relationship + ")", "CALL (" + relationship + ", " + row + ")")
                .replace("$evidence", row + ".evidence");
    }

    /** Adds the {@code $evidence} items to the evidence of the relationship's retraction. */
    public static String appendRetraction(String relationship) {
        return APPEND.formatted(relationship, "retractionSources", "retractionQuotes");
    }

    /** The relationship's evidence as a list of maps {source: node, quote}, in the order it was added. */
    public static String read(String relationship) {
        return READ.formatted(relationship, "sources", "quotes");
    }

    /** The evidence of the relationship's retraction, like {@link #read}. */
    public static String readRetraction(String relationship) {
        return READ.formatted(relationship, "retractionSources", "retractionQuotes");
    }
}
