package org.dataflowatlas.flow;

import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Revisions;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the three times every flow query shares, as plain property comparisons, so they
 * prune inside any pattern and plan in no time. What they read is kept on each flow by every write
 * ({@code graph.Lineage}): {@code evidencedSince} (earliest dated evidence), {@code knownSince}
 * (earliest last day of an evidencing source's publication), {@code untilKnownSince} and
 * {@code retractionKnownSince} (the same for the evidence of its end and of its retraction), and the
 * instants {@code recordedAt}, {@code untilRecordedAt} and {@code retractedAt}.
 *
 * <p>Valid time: a flow is active on a date D (itself an interval when partial) when its interval
 * [since, until] overlaps D. An open {@code until} means still active; an unknown {@code since}
 * means "at least since the first evidence" (the earliest dated source), and a flow without any
 * dated evidence counts as active since always. Partial ISO dates compare as strings: a prefix sorts
 * before its extensions, so {@code since <= lastDayOfD} is "since starts no later than D ends", and
 * {@code until + '~'} (a character above every digit) sorts after every day the partial
 * {@code until} covers.
 *
 * <p>The rules of the other two times sit in the {@code ELSE} of a {@code CASE} on their switches:
 * Neo4j rewrites a {@code WHERE} into a conjunction of disjunctions, which spread a bare
 * {@code OR (NOT $anyKnown AND …)} over every clause and read the flow's properties several times
 * even when no time is asked for (seen in PROFILE: twice the filter's db hits); a {@code CASE} is
 * evaluated as written. Known and recorded time (see {@link AsOf}): an end date counts only once its
 * evidence was published and once it was recorded; before that the flow is open.
 */
public final class FlowPredicates {

    private FlowPredicates() {}

    /**
     * The valid-time rule for the flow bound to {@code variable} (a constant name from the calling
     * query, never input).
     */
    public static String activeOn(String variable) {
        return """
                ($anyDate OR (coalesce(%1$s.since, %1$s.evidencedSince, '') <= $activeLast
                 AND CASE WHEN $anyKnown AND $anyRecorded THEN %1$s.until IS NULL OR %1$s.until + '~' >= $activeFirst
                     ELSE %1$s.until IS NULL OR %1$s.until + '~' >= $activeFirst
                          OR (NOT $anyKnown AND coalesce(%1$s.untilKnownSince, '~') > $knownOn)
                          OR (NOT $anyRecorded AND %1$s.untilRecordedAt > $recordedAsOf) END))""".formatted(variable);
    }

    /**
     * The flow is in the picture: recorded by {@code recordedAsOf}, and not retracted, or retracted
     * by evidence published after {@code knownOn} or recorded after {@code recordedAsOf}. With
     * neither time, one property read, as a bare retraction check.
     */
    public static String standing(String variable) {
        return notRetracted(variable) + " AND " + recorded(variable);
    }

    /** Not retracted, or retracted by evidence published after {@code knownOn} or recorded after {@code recordedAsOf}. */
    public static String notRetracted(String variable) {
        return """
                (coalesce(%1$s.retracted, false) = false
                 OR CASE WHEN $anyKnown AND $anyRecorded THEN false
                         ELSE (NOT $anyKnown AND coalesce(%1$s.retractionKnownSince, '~') > $knownOn)
                              OR (NOT $anyRecorded AND %1$s.retractedAt > $recordedAsOf) END)""".formatted(variable);
    }

    /**
     * A rule over the corrected fields of the flow bound to {@code variable} (made by {@code rule}
     * for a variable name), read as the flow stood at {@code recordedAsOf}: on the flow unless it
     * was corrected after that instant, else on the revision that held then (see {@link Revisions}).
     */
    public static String asRecorded(String variable, UnaryOperator<String> rule) {
        return Revisions.value(variable, rule.apply(variable), rule.apply("revision"));
    }

    /** Recorded by {@code recordedAsOf}. */
    public static String recorded(String variable) {
        return "($anyRecorded OR %1$s.recordedAt <= $recordedAsOf)".formatted(variable);
    }

    /** Some evidence of the flow was published by {@code knownOn}; a flow with no dated evidence fails. */
    public static String known(String variable) {
        return "($anyKnown OR %1$s.knownSince <= $knownOn)".formatted(variable);
    }

    /**
     * As {@link #known}, but a flow with no dated evidence passes, so the caller can count it as left
     * out for that reason ({@link #undated}) rather than lose sight of it.
     */
    public static String knownOrUndated(String variable) {
        return "($anyKnown OR coalesce(%1$s.knownSince, '') <= $knownOn)".formatted(variable);
    }

    /** True for a flow {@link #knownOrUndated} let through only because none of its evidence is dated. */
    public static String undated(String variable) {
        return "CASE WHEN $anyKnown THEN false ELSE %1$s.knownSince IS NULL END".formatted(variable);
    }

    /**
     * The parameters of the three rules. With no date, a switch that skips the comparison
     * ({@code anyDate}, so no flow's dates are read) and bounds every date would pass ({@code ''}
     * sorts first, {@code '~'} after every digit), rather than nulls: Neo4j plans a statement again
     * for each new combination of parameter types, so a filter that is sometimes null would cost a
     * second plan the first time it is set. {@link AsOf#parameters} follows the same rule.
     */
    public static Map<String, @Nullable Object> parameters(@Nullable PartialDate activeOn, AsOf asOf) {
        var parameters = new HashMap<String, @Nullable Object>(asOf.parameters());
        parameters.put("activeFirst", activeOn == null ? "" : activeOn.first().toString());
        parameters.put("activeLast", activeOn == null ? "~" : activeOn.last().toString());
        parameters.put("anyDate", activeOn == null);
        return parameters;
    }
}
