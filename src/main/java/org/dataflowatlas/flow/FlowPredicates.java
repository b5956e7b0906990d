package org.dataflowatlas.flow;

import java.util.HashMap;
import java.util.Map;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/**
 * The date rule every query shares. A flow is active on a date D (itself an interval when partial)
 * when its interval [since, until] overlaps D. An open {@code until} means still active; an unknown
 * {@code since} means "at least since the first evidence" (the earliest dated source), and a flow
 * without any dated evidence counts as active since always.
 *
 * <p>Partial ISO dates compare as strings: a prefix sorts before its extensions, so
 * {@code since <= lastDayOfD} is "since starts no later than D ends", and {@code until + '~'}
 * (a character above every digit) sorts after every day the partial {@code until} covers.
 */
public final class FlowPredicates {

    private FlowPredicates() {}

    /**
     * The rule for the flow bound to {@code variable} (a constant name from the calling query, never
     * input). Plain property comparisons, so it prunes inside any pattern and plans in no time: the
     * earliest dated evidence is kept on the flow as {@code evidencedSince} ({@code graph.Lineage}).
     */
    public static String activeOn(String variable) {
        return """
                ($anyDate OR (coalesce(%1$s.since, %1$s.evidencedSince, '') <= $activeLast
                 AND (%1$s.until IS NULL OR %1$s.until + '~' >= $activeFirst)))""".formatted(variable);
    }

    /**
     * With no date, a switch that skips the comparison ({@code anyDate}, so no flow's dates are
     * read) and bounds every date would pass ({@code ''} sorts first, {@code '~'} after every
     * digit), rather than nulls: Neo4j plans a statement again for each new combination of
     * parameter types, so a filter that is sometimes null would cost a second plan the first time
     * it is set.
     */
    public static Map<String, @Nullable Object> activeOnParameters(@Nullable PartialDate activeOn) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("activeFirst", activeOn == null ? "" : activeOn.first().toString());
        parameters.put("activeLast", activeOn == null ? "~" : activeOn.last().toString());
        parameters.put("anyDate", activeOn == null);
        return parameters;
    }
}
