package org.dataflowatlas.graph;

/**
 * What a fact said before it was corrected, for recorded time ({@code recordedAsOf}). A write that
 * changes a corrected field of an existing flow or organization first keeps the fact's properties
 * and labels as they were in a {@code (:Revision)} node, {@code (fact)-[:REVISED]->(revision)}, valid
 * from the fact's previous correction ({@code validFrom}; none: since it was first written) until
 * this one ({@code validUntil}, the write's transaction instant), and stamps the fact's
 * {@code revisedAt}. A revision holds the fact's id as {@code of}, not {@code id}, so nothing that
 * finds facts by id (exports, merges, clean-ups by prefix) takes it for one.
 *
 * <p>Reads stay as cheap as before when no instant is asked for, or for a fact not corrected since
 * it: the rules look at a revision only when {@code $anyRecorded} is off and the fact's
 * {@code revisedAt} is later than {@code $recordedAsOf} (see {@link AsOf#parameters}).
 */
public final class Revisions {

    private Revisions() {}

    /**
     * Keeps {@code variable}'s properties and labels in a new revision and stamps its correction: a
     * fragment for a {@code CALL (variable) { WITH variable WHERE <changed> ... }} that runs before
     * the write's {@code SET}.
     */
    public static String keep(String variable) {
        return """
                CREATE (%1$s)-[:REVISED]->(revision:Revision)
                SET revision = properties(%1$s)
                SET revision.id = null, revision.of = %1$s.id, revision.labels = labels(%1$s),
                    revision.validFrom = %1$s.revisedAt, revision.validUntil = datetime.transaction()
                SET %1$s.revisedAt = datetime.transaction()""".formatted(variable);
    }

    /** True when {@code variable} reads as it is now at {@code $recordedAsOf}: no instant asked, or no correction since. */
    private static String current(String variable) {
        return "$anyRecorded OR coalesce(%1$s.revisedAt <= $recordedAsOf, true)".formatted(variable);
    }

    /** The revision of {@code variable} that held at {@code $recordedAsOf}, bound to {@code revision}. */
    private static String heldThen(String variable) {
        return """
                MATCH (%1$s)-[:REVISED]->(revision:Revision)
                WHERE coalesce(revision.validFrom <= $recordedAsOf, true) AND $recordedAsOf < revision.validUntil""".formatted(variable);
    }

    /**
     * {@code expression} (a value or a rule) over {@code variable}, as it held at {@code $recordedAsOf} ({@code onRevision}
     * over {@code revision}). A fact whose revisions are not in this database (loaded from an export,
     * which carries facts as they are now) reads as it is now.
     */
    public static String value(String variable, String expression, String onRevision) {
        return """
                CASE WHEN %1$s THEN %2$s
                     ELSE coalesce(COLLECT { %3$s RETURN %4$s AS held }[0], %2$s) END""".formatted(current(variable), expression, heldThen(variable), onRevision);
    }

    /**
     * The revisions that held at {@code $recordedAsOf} of the flows and organizations with the ids
     * given, for answers read in recorded time: {@code flows} and {@code organizations}, each a list
     * of revision nodes (their fact's id in {@code of}).
     */
    public static final String HELD_THEN = """
            RETURN COLLECT { UNWIND $flows AS id MATCH (f:DataFlow {id: id}) WHERE f.revisedAt > $recordedAsOf
                             %1$s RETURN revision } AS flows,
                   COLLECT { UNWIND $organizations AS id MATCH (o:Organization {id: id}) WHERE o.revisedAt > $recordedAsOf
                             %2$s RETURN revision } AS organizations
            """.formatted(heldThen("f"), heldThen("o"));
}
