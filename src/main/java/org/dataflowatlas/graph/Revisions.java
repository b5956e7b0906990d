package org.dataflowatlas.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/**
 * What a fact said before it was corrected, for recorded time ({@code recordedAsOf}). A write that
 * changes a corrected field of an existing flow or organization first keeps the fact's properties
 * and labels as they were in a {@code (:Revision)} node, {@code (fact)-[:REVISED]->(revision)}, valid
 * from the fact's previous correction ({@code validFrom}; none: since it was first written) until
 * this one ({@code validUntil}, the write's transaction instant), and stamps the fact's
 * {@code revisedAt}. A revision holds the fact's id as {@code of}, not {@code id}, so nothing that
 * finds facts by id (exports, merges, clean-ups by prefix) takes it for one.
 *
 * <p>A rule or value read as recorded looks at a revision only for a fact corrected after
 * {@code $recordedAsOf}: {@link #value} tells by the fact's {@code revisedAt} (behind
 * {@code $anyRecorded}, see {@link AsOf#parameters}), {@link #among} by the ids {@link #HELD_AT}
 * found, for dense walks.
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
     * {@code onRevision} on the revision that held, else {@code expression}: wrapped in a map, so a
     * value the revision held as null (a {@code since} set only later) stays null.
     */
    private static String heldOrNow(String variable, String expression, String onRevision) {
        return "head([held IN COLLECT { %1$s RETURN {value: %2$s} AS held } | held.value] + [%3$s])"
                .formatted(heldThen(variable), onRevision, expression);
    }

    /**
     * {@code expression} (a value or a rule) over {@code variable}, as it held at {@code $recordedAsOf} ({@code onRevision}
     * over {@code revision}). A fact whose revisions are not in this database (loaded from an export,
     * which carries facts as they are now) reads as it is now.
     */
    public static String value(String variable, String expression, String onRevision) {
        return """
                CASE WHEN %1$s THEN %2$s
                     ELSE %3$s END""".formatted(current(variable), expression, heldOrNow(variable, expression, onRevision));
    }

    /**
     * As {@link #value}, for statements that are given the ids of the facts with a revision that held
     * at {@code $recordedAsOf} ({@link Held#parameters}, as {@code idsParameter}): a fact not among
     * them is read as it is, without looking for a property it does not have. For dense walks, where
     * reading an absent {@code revisedAt} on every flow costs a whole property chain each.
     */
    public static String among(String variable, String idsParameter, String expression, String onRevision) {
        return """
                CASE WHEN NOT %1$s.id IN $%2$s THEN %3$s
                     ELSE %4$s END""".formatted(variable, idsParameter, expression, heldOrNow(variable, expression, onRevision));
    }

    /**
     * Every revision that held at {@code $recordedAsOf}, found by when it ended (indexed): corrections
     * after an instant are few next to the facts a trace reads.
     */
    public static final String HELD_AT = """
            MATCH (revision:Revision)
            WHERE revision.validUntil > $recordedAsOf AND coalesce(revision.validFrom <= $recordedAsOf, true)
            RETURN revision
            """;

    /**
     * The revisions {@link #HELD_AT} found, by the id of the flow or organization they revise.
     */
    public record Held(Map<String, Node> flows, Map<String, Node> organizations) {

        public static Held of(List<Record> records) {
            var flows = new HashMap<String, Node>();
            var organizations = new HashMap<String, Node>();
            for (var record : records) {
                var revision = record.get("revision").asNode();
                var labels = revision.get("labels").asList(Value::asString, List.of());
                var of = revision.get("of").asString();
                if (labels.contains("DataFlow")) {
                    flows.put(of, revision);
                } else if (labels.contains("Organization")) {
                    organizations.put(of, revision);
                }
            }
            return new Held(Map.copyOf(flows), Map.copyOf(organizations));
        }

        /**
         * {@code revisedFlows} and {@code revisedOrganizations} for {@link #among}: lists of strings
         * even when empty ({@code ""} is no id), since an empty list is another type, and another plan.
         */
        public Map<String, Object> parameters() {
            return Map.of(
                    "revisedFlows", flows.isEmpty() ? List.of("") : List.copyOf(flows.keySet()),
                    "revisedOrganizations",
                            organizations.isEmpty() ? List.of("") : List.copyOf(organizations.keySet()));
        }
    }
}
