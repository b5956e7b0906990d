package org.dataflowatlas.graph;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/**
 * The two times beside valid time ({@code activeOn}): what the public could know on a date
 * ({@code asKnownOn}: a fact counts once a source of its evidence was published) and what this
 * database held at an instant ({@code recordedAsOf}: a fact counts once recorded, a retraction once
 * recorded). Both are optional; {@link #NOW} is neither, today's picture.
 *
 * <p>Every statement that reads them takes the same parameters whatever the request, so Neo4j
 * keeps one plan per text: a switch per time ({@code anyKnown}, {@code anyRecorded}) that skips the
 * comparison, so no property is read, beside bounds of one type ({@code knownOn} a day as
 * {@code YYYY-MM-DD} and {@code knownAfter} the day after it, {@code recordedAsOf} a date-time).
 *
 * <p>A {@code published} date counts from the last day it covers ({@code 2023} from 2023-12-31): a
 * source dated only to the year may have appeared in December. A known-on date {@code 2023-06} means
 * "by the end of June 2023". Undated evidence never counts.
 */
public record AsOf(@Nullable PartialDate knownOn, @Nullable OffsetDateTime recordedAsOf) {

    public static final AsOf NOW = new AsOf(null, null);

    /** Stands for "no instant": never compared while {@code anyRecorded} is set, but of the type the bound has. */
    private static final OffsetDateTime NO_INSTANT = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    public static AsOf of(@Nullable PartialDate knownOn, @Nullable OffsetDateTime recordedAsOf) {
        return knownOn == null && recordedAsOf == null ? NOW : new AsOf(knownOn, recordedAsOf);
    }

    public boolean isNow() {
        return knownOn == null && recordedAsOf == null;
    }

    /** The parameters every statement that reads these times takes. */
    public Map<String, Object> parameters() {
        var parameters = new HashMap<String, Object>();
        parameters.put("anyKnown", knownOn == null);
        parameters.put("knownOn", knownOn == null ? "" : knownOn.last().toString());
        parameters.put(
                "knownAfter", knownOn == null ? "" : knownOn.last().plusDays(1).toString());
        parameters.put("anyRecorded", recordedAsOf == null);
        parameters.put("recordedAsOf", recordedAsOf == null ? NO_INSTANT : recordedAsOf);
        return parameters;
    }

    /**
     * The last day (as {@code YYYY-MM-DD}) a partial date held in {@code expression} covers. Plain
     * string arithmetic, so a malformed date written by a script compares oddly instead of failing
     * the statement it is part of.
     */
    public static String lastDay(String expression) {
        return """
                CASE size(%1$s)
                  WHEN 4 THEN %1$s + '-12-31'
                  WHEN 7 THEN %1$s + '-' + CASE
                    WHEN substring(%1$s, 5, 2) IN ['04', '06', '09', '11'] THEN '30'
                    WHEN substring(%1$s, 5, 2) <> '02' THEN '31'
                    WHEN toInteger(substring(%1$s, 0, 4)) %% 4 = 0
                         AND (toInteger(substring(%1$s, 0, 4)) %% 100 <> 0 OR toInteger(substring(%1$s, 0, 4)) %% 400 = 0)
                      THEN '29'
                    ELSE '28' END
                  ELSE %1$s END""".formatted(expression);
    }

    /**
     * Whether a source's partial {@code published} date (held in {@code expression}) counts as known
     * on {@code $knownOn}: its last day is on or before it, that is, the period it names ends before
     * the day after ({@code $knownAfter}) begins, compared at the date's own precision
     * ({@code 2023 < 2024}, {@code 2023-06 < 2023-07}, {@code 2023-06-30 < 2023-07-01}). The same
     * answer as comparing {@link #lastDay} with {@code $knownOn}, in an expression Neo4j plans in a
     * fraction of the time, as statements hold it once per kind of fact they read.
     */
    public static String publishedBy(String expression) {
        return "%1$s < left($knownAfter, size(%1$s))".formatted(expression);
    }

    /**
     * The earliest last day of the {@code published} dates of the sources {@code variable} reaches
     * by {@code relationship} (optionally narrowed by a predicate on {@code e}): when the fact they
     * evidence became known. Null when none of them is dated.
     */
    public static String knownSince(String variable, String relationship, String edgePredicate) {
        return """
                COLLECT { MATCH (%1$s)-[e:%2$s]->(src:Source) WHERE src.published IS NOT NULL AND %3$s
                          WITH %4$s AS day RETURN day ORDER BY day LIMIT 1 }[0]""".formatted(variable, relationship, edgePredicate, lastDay("src.published"));
    }

    /**
     * A fact (node) that counts at these times: known by a source of its evidence published by
     * {@code knownOn}, recorded by {@code recordedAsOf}. For facts read in small numbers (policies,
     * agreements, timeline entries), so the evidence is looked at when read; flows keep what this
     * needs as properties (see {@code FlowPredicates}).
     */
    public static String counts(String variable) {
        return counts(variable, "EVIDENCED_BY");
    }

    /** As {@link #counts(String)}, for a fact whose sources are reached by {@code relationship} (statements: REPORTED_IN). */
    public static String counts(String variable, String relationship) {
        return """
                (($anyKnown OR EXISTS { MATCH (%1$s)-[:%3$s]->(src:Source)
                                        WHERE src.published IS NOT NULL AND %2$s })
                 AND ($anyRecorded OR %1$s.recordedAt <= $recordedAsOf))""".formatted(variable, publishedBy("src.published"), relationship);
    }

    /**
     * As {@link #counts(String)}, for a relationship fact whose evidence is its list of source ids
     * ({@code sources}, see {@code RelationshipEvidence}).
     */
    public static String relationshipCounts(String variable) {
        return """
                (($anyKnown OR EXISTS { MATCH (src:Source) WHERE src.id IN coalesce(%1$s.sources, [])
                                        AND src.published IS NOT NULL AND %2$s })
                 AND ($anyRecorded OR %1$s.recordedAt <= $recordedAsOf))""".formatted(variable, publishedBy("src.published"));
    }

    /**
     * A fact (node) not withdrawn at these times: not retracted, or retracted only by evidence not yet
     * published by {@code knownOn}, or only after {@code recordedAsOf}.
     */
    public static String standing(String variable) {
        return """
                (coalesce(%1$s.retracted, false) = false
                 OR (NOT $anyKnown AND NOT EXISTS { MATCH (%1$s)-[:RETRACTION_EVIDENCED_BY]->(src:Source)
                                                    WHERE src.published IS NOT NULL AND %2$s })
                 OR (NOT $anyRecorded AND %1$s.retractedAt > $recordedAsOf))""".formatted(variable, publishedBy("src.published"));
    }
}
