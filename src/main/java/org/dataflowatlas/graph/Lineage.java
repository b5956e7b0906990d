package org.dataflowatlas.graph;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What traces read instead of working it out per request, kept up to date by every write that can
 * change it:
 *
 * <ul>
 *   <li>{@code (:DataFlow)-[:FEEDS]->(:DataFlow)}: the lineage rule, materialised. The later flow
 *       leaves the organization the earlier flow reaches and carries a category equal to, or
 *       derived (transitively, via {@code DERIVED_FROM}) from, one the earlier flow carries. It
 *       depends on flows' ends, what they carry and the derivations between categories, never on
 *       dates, confidence or retraction, which traces check per hop.
 *   <li>{@code DataFlow.evidencedSince}: the earliest {@code published} date of the sources that
 *       evidence the flow, which stands in for an unknown {@code since} ("at least since the first
 *       evidence").
 *   <li>{@code DataFlow.knownSince}, {@code untilKnownSince}, {@code retractionKnownSince}: the day
 *       the flow, its end and its retraction became known (see {@link AsOf}), which {@code asKnownOn}
 *       compares; and {@code recordedAt} on flows and their evidence where a write did not stamp it.
 * </ul>
 *
 * The links are rebuilt per organization: every pair of a flow arriving there and a flow leaving
 * it. Working from the categories that leave an organization, rather than from every pair of its
 * flows, keeps the cost to the flows it sends and receives (the whole Flock network in about 2 s,
 * against about 10 s pair by pair).
 */
public final class Lineage {

    private Lineage() {}

    /** Runs one statement in the caller's transaction (or, for {@link #rebuildAll}, on its own). */
    @FunctionalInterface
    public interface Statements {
        void run(String cypher, Map<String, @Nullable Object> parameters);
    }

    /** One organization's links, dropped and made again from what its flows carry now. */
    private static final String RELINK = """
            CALL (a) {
              MATCH (a)<-[:TO]-(:DataFlow)-[stale:FEEDS]->(:DataFlow)<-[:SENDS]-(a)
              DELETE stale
            }
            CALL (a) {
              MATCH (a)-[:SENDS]->(:DataFlow)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c:DataCategory)
              WITH DISTINCT c
              MATCH (c)<-[:CARRIES]-(earlier:DataFlow)-[:TO]->(a)
              WITH DISTINCT c, earlier
              MATCH (a)-[:SENDS]->(later:DataFlow)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c)
              MERGE (earlier)-[:FEEDS]->(later)
            }""";

    /**
     * The dates the three times read, from the flow's evidence: the earliest dated evidence (as
     * written), when the flow, its end and its retraction became known (the earliest last day of a
     * source's publication, see {@link AsOf}), in this order.
     */
    private static final String EXPECTED_DATES = """
            [COLLECT { MATCH (f)-[:EVIDENCED_BY]->(dated:Source) WHERE dated.published IS NOT NULL
                       RETURN dated.published ORDER BY dated.published LIMIT 1 }[0],
             %1$s,
             CASE WHEN f.until IS NULL THEN null
                  WHEN EXISTS { MATCH (f)-[e:EVIDENCED_BY]->(:Source) WHERE e.ends } THEN %2$s
                  ELSE %1$s END,
             CASE WHEN coalesce(f.retracted, false) THEN %3$s END]""".formatted(
                    AsOf.knownSince("f", "EVIDENCED_BY", "true"),
                    AsOf.knownSince("f", "EVIDENCED_BY", "e.ends"),
                    AsOf.knownSince("f", "RETRACTION_EVIDENCED_BY", "true"));

    /**
     * Sets the dates of {@link #EXPECTED_DATES} on {@code f}, and stamps what was written without
     * going through a write that records its instant (a Cypher script, an import batch) with this
     * transaction's: the flow, its evidence and its retraction.
     */
    private static final String EVIDENCED_SINCE = """
            WITH f, %s AS dates
            SET f.evidencedSince = dates[0], f.knownSince = dates[1], f.untilKnownSince = dates[2],
                f.retractionKnownSince = dates[3],
                f.recordedAt = coalesce(f.recordedAt, datetime.transaction()),
                f.untilRecordedAt = CASE WHEN f.until IS NULL THEN null
                                         ELSE coalesce(f.untilRecordedAt, f.recordedAt, datetime.transaction()) END,
                f.retractedAt = CASE WHEN coalesce(f.retracted, false)
                                     THEN coalesce(f.retractedAt, datetime.transaction()) END
            WITH f
            CALL (f) {
              MATCH (f)-[e:EVIDENCED_BY|RETRACTION_EVIDENCED_BY]->(:Source) WHERE e.recordedAt IS NULL
              SET e.recordedAt = datetime.transaction()
            }""".formatted(EXPECTED_DATES);

    /**
     * One flow's own links, for a single write: only pairs the flow is part of are touched, and
     * links that hold already are left alone, so concurrent writers at a busy organization do not
     * lock each other's flows.
     */
    private static final String REFRESH_FLOW = """
            UNWIND $flows AS flowId
            MATCH (f:DataFlow {id: flowId})
            %s
            WITH f
            CALL (f) {
              MATCH (f)-[stale:FEEDS]->(later:DataFlow)
              WHERE NOT EXISTS { MATCH (f)-[:TO]->(:Organization)-[:SENDS]->(later)-[:CARRIES]->(:DataCategory)
                                       -[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(f) }
              DELETE stale
            }
            CALL (f) {
              MATCH (earlier:DataFlow)-[stale:FEEDS]->(f)
              WHERE NOT EXISTS { MATCH (earlier)-[:TO]->(:Organization)-[:SENDS]->(f)-[:CARRIES]->(:DataCategory)
                                       -[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(earlier) }
              DELETE stale
            }
            CALL (f) {
              MATCH (f)-[:TO]->(:Organization)-[:SENDS]->(later:DataFlow)
              WHERE NOT (f)-[:FEEDS]->(later)
                AND EXISTS { MATCH (later)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(f) }
              MERGE (f)-[:FEEDS]->(later)
            }
            CALL (f) {
              MATCH (f)<-[:SENDS]-(:Organization)<-[:TO]-(earlier:DataFlow)
              WHERE NOT (earlier)-[:FEEDS]->(f)
                AND EXISTS { MATCH (f)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(earlier) }
              MERGE (earlier)-[:FEEDS]->(f)
            }
            """.formatted(EVIDENCED_SINCE);

    private static final String REFRESH_CATEGORIES = """
            UNWIND $categories AS categoryId
            MATCH (:DataCategory {id: categoryId})<-[:DERIVED_FROM*0..]-(:DataCategory)<-[:CARRIES]-(:DataFlow)<-[:SENDS]-(a:Organization)
            WITH DISTINCT a
            %s
            """.formatted(RELINK);

    private static final String REFRESH_DATES = """
            UNWIND $flows AS flowId
            MATCH (f:DataFlow {id: flowId})
            %s
            """.formatted(EVIDENCED_SINCE);

    private static final String REFRESH_ORGANIZATIONS = """
            UNWIND $organizations AS organizationId
            MATCH (a:Organization {id: organizationId})
            %s
            """.formatted(RELINK);

    private static final String REFRESH_SOURCES = """
            UNWIND $sources AS sourceId
            MATCH (:Source {id: sourceId})<-[:EVIDENCED_BY]-(f:DataFlow)
            WITH DISTINCT f
            %s
            """.formatted(EVIDENCED_SINCE);

    private static final String REBUILD_ALL = """
            MATCH (a:Organization)
            CALL (a) {
              %s
            } IN TRANSACTIONS OF 1000 ROWS
            """.formatted(RELINK.indent(2).strip());

    private static final String REBUILD_EVIDENCED_SINCE = """
            MATCH (f:DataFlow)
            CALL (f) {
              %s
            } IN TRANSACTIONS OF 10000 ROWS
            """.formatted(EVIDENCED_SINCE);

    /**
     * Facts other than flows that a write did not stamp with its instant (a Cypher script, a
     * database from before instants were recorded) get this one: the time they were loaded.
     */
    private static final String STAMP_NODES = """
            MATCH (n) WHERE (n:Source OR n:Policy OR n:Agreement OR n:Event OR n:Statement) AND n.recordedAt IS NULL
            CALL (n) {
              SET n.recordedAt = datetime.transaction(),
                  n.retractedAt = CASE WHEN coalesce(n.retracted, false) THEN coalesce(n.retractedAt, datetime.transaction()) END
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    private static final String STAMP_RELATIONSHIPS = """
            MATCH ()-[r:ROLE|OWNS|PART_OF]->() WHERE r.recordedAt IS NULL
            CALL (r) {
              SET r.recordedAt = datetime.transaction()
            } IN TRANSACTIONS OF 10000 ROWS
            """;

    /** Version 2 adds the known-time dates and recorded instants: a database marked 1 is rebuilt once. */
    private static final String MARK_BUILT = "MERGE (m:__Lineage) SET m.version = 2";

    /** Links of flows that are not where the rule puts them, and pairs the rule links that lack one. */
    private static final String CHECK = """
            CALL () {
              MATCH (earlier:DataFlow)-[:FEEDS]->(later:DataFlow)
              WHERE NOT EXISTS {
                MATCH (earlier)-[:TO]->(:Organization)-[:SENDS]->(later)-[:CARRIES]->(:DataCategory)
                      -[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(earlier) }
              RETURN count(*) AS extra
            }
            CALL () {
              MATCH (a:Organization)-[:SENDS]->(:DataFlow)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c:DataCategory)
              WITH DISTINCT a, c
              MATCH (c)<-[:CARRIES]-(earlier:DataFlow)-[:TO]->(a)
              WITH DISTINCT a, c, earlier
              MATCH (a)-[:SENDS]->(later:DataFlow)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c)
              WITH DISTINCT earlier, later
              WHERE NOT (earlier)-[:FEEDS]->(later)
              RETURN count(*) AS missing
            }
            CALL () {
              MATCH (f:DataFlow)
              WITH f, %s AS expected
              WHERE [d IN expected | coalesce(d, '')]
                    <> [d IN [f.evidencedSince, f.knownSince, f.untilKnownSince, f.retractionKnownSince] | coalesce(d, '')]
                 OR f.recordedAt IS NULL
              RETURN count(*) AS misdated
            }
            RETURN extra, missing, misdated
            """.formatted(EXPECTED_DATES);

    /** After writing one flow (or a few) through the API: its evidence date and its own links. */
    public static void refreshFlow(Statements statements, Collection<String> flowIds) {
        if (!flowIds.isEmpty()) {
            statements.run(REFRESH_FLOW, Map.of("flows", List.copyOf(flowIds)));
        }
    }

    /** After flows gained evidence: their evidence dates (what they carry and connect is unchanged). */
    public static void refreshEvidenceDates(Statements statements, Collection<String> flowIds) {
        if (!flowIds.isEmpty()) {
            statements.run(REFRESH_DATES, Map.of("flows", List.copyOf(flowIds)));
        }
    }

    /** After a category gains or loses a derivation: the links at every organization that sends it or what derives from it. */
    public static void refreshCategories(Statements statements, Collection<String> categoryIds) {
        if (!categoryIds.isEmpty()) {
            statements.run(REFRESH_CATEGORIES, Map.of("categories", List.copyOf(categoryIds)));
        }
    }

    /** After flows moved to an organization (a merge) or arrived in bulk (an import): the links through it. */
    public static void refreshOrganizations(Statements statements, Collection<String> organizationIds) {
        if (!organizationIds.isEmpty()) {
            statements.run(REFRESH_ORGANIZATIONS, Map.of("organizations", List.copyOf(organizationIds)));
        }
    }

    /** After a source's publication date may have changed: the evidence dates of the flows it evidences. */
    public static void refreshSources(Statements statements, Collection<String> sourceIds) {
        if (!sourceIds.isEmpty()) {
            statements.run(REFRESH_SOURCES, Map.of("sources", List.copyOf(sourceIds)));
        }
    }

    /**
     * Everything, after writes this code did not see (a Cypher script, an older database): in
     * batches of their own, so it needs an auto-commit transaction, not the caller's.
     */
    public static void rebuildAll(Statements autoCommit) {
        autoCommit.run(REBUILD_ALL, Map.of());
        autoCommit.run(REBUILD_EVIDENCED_SINCE, Map.of());
        autoCommit.run(STAMP_NODES, Map.of());
        autoCommit.run(STAMP_RELATIONSHIPS, Map.of());
        autoCommit.run(MARK_BUILT, Map.of());
    }

    /**
     * Lifts the mark while a long write leaves links to be made at its end, so a start after it
     * stopped half way builds them (see {@link #isBuilt}).
     */
    public static String unmark() {
        return "MATCH (m:__Lineage) DELETE m";
    }

    /** Sets the mark again once the links are made. */
    public static String mark() {
        return MARK_BUILT;
    }

    /** A database written before lineage was kept has no mark (statement returning column built). */
    public static String isBuilt() {
        return "MATCH (m:__Lineage) WHERE m.version >= 2 RETURN count(m) > 0 AS built";
    }

    /** The statement that counts what {@link #rebuildAll} would change: columns extra, missing and misdated. */
    public static String check() {
        return CHECK;
    }
}
