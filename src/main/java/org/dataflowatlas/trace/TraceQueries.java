package org.dataflowatlas.trace;

import org.dataflowatlas.flow.FlowPredicates;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Revisions;

/**
 * The Cypher of every trace-shaped question, in one place. A trace is walked breadth first, one
 * statement per hop (see {@link TraceWalk}): each statement expands the distinct ends of the paths
 * found so far by one flow. The texts are fixed, whatever the hop count or the filters, so Neo4j
 * plans each once, in milliseconds; every value from the caller is a parameter.
 */
public final class TraceQueries {

    private TraceQueries() {}

    public static final int MAX_HOPS = 8;

    /**
     * What every hop must satisfy: pruned while walking, the dated-evidence rule and the known and
     * recorded times included. A flow with no dated evidence passes the known-time rule here, marked
     * {@code undated}, so the walk can say how many it left out for that reason. {@code asRecorded}:
     * the texts for a recorded instant, which read the fields a correction changed as they held
     * then; the other texts leave that rule out, so a trace asked for now reads nothing more.
     */
    private static String hopFilter(boolean asRecorded) {
        return FlowPredicates.standing("f") + " AND " + FlowPredicates.knownOrUndated("f") + " AND "
                + correctable(asRecorded);
    }

    /** What {@code paths} follows: as a hop, but a flow without dated evidence is not known at all. */
    private static String pathFilter(boolean asRecorded) {
        return FlowPredicates.standing("f") + " AND " + FlowPredicates.known("f") + " AND "
                + (asRecorded ? FlowPredicates.asRecorded("f", TraceQueries::correctable) : correctable("f"));
    }

    /** The part of a hop's rule over fields a correction can change: confidence and {@code since}. */
    private static String correctable(boolean asRecorded) {
        return asRecorded
                ? Revisions.among("f", "revisedFlows", correctable("f"), correctable("revision"))
                : correctable("f");
    }

    private static String correctable(String flow) {
        return flow + ".confidence IN $confidences AND " + FlowPredicates.activeOn(flow);
    }

    /**
     * The first hop: the origin and every flow leaving (DOWNSTREAM) or entering (UPSTREAM) it, with
     * the organization at its other end. No row at all means there is no such origin. The
     * {@code categories} filter applies here: the first flow carries one of them or a category
     * derived from one ({@link #CATEGORIES_AND_DESCENDANTS}, resolved first). The first hop brings
     * its flows and organizations whole: nearly all of them are kept (the answer is shortest
     * first), so a 1-hop answer, such as any Flock lineage, needs no statement for its nodes.
     */
    private static final String FIRST_HOP = """
            MATCH (origin:Organization {id: $from})
            RETURN origin, COLLECT {
              MATCH (origin)%s(f:DataFlow)%s(b:Organization)
              WHERE %s
                AND ($anyCategory OR EXISTS { MATCH (f)-[:CARRIES]->(c:DataCategory) WHERE c.id IN $categories })
              RETURN {flow: f.id, to: b.id, %s, flowNode: f, toNode: b}
            } AS hops
            """;

    /** The nodes of the flows and organizations on the paths a walk keeps, each once. */
    static final String NODES = """
            RETURN COLLECT { UNWIND $flows AS id MATCH (f:DataFlow {id: id}) RETURN f } AS flows,
                   COLLECT { UNWIND $organizations AS id MATCH (o:Organization {id: id}) RETURN o } AS organizations
            """;

    /**
     * What says when each flow changed: its recorded, retracted and ended instants with the audit
     * entries written at them (the same transaction instant), and its dated sources with the day
     * each counts from (see {@code graph.AsOf}).
     */
    static final String CHANGES = """
            UNWIND $ids AS key
            MATCH (f:DataFlow {id: key})
            RETURN key, f.recordedAt AS recordedAt, f.retractedAt AS retractedAt, f.untilRecordedAt AS untilRecordedAt,
                   f.knownSince AS knownSince, f.retractionKnownSince AS retractionKnownSince,
                   f.untilKnownSince AS untilKnownSince,
                   COLLECT { MATCH (a:AuditEntry) WHERE a.at IN [f.recordedAt, f.retractedAt, f.untilRecordedAt] AND key IN a.ids
                             RETURN {id: a.id, at: a.at, operation: a.operation} } AS writes,
                   COLLECT { MATCH (f)-[e:EVIDENCED_BY|RETRACTION_EVIDENCED_BY]->(s:Source) WHERE s.published IS NOT NULL
                             RETURN {source: s, day: %s, retraction: type(e) = 'RETRACTION_EVIDENCED_BY',
                                     ends: coalesce(e.ends, false)} ORDER BY s.id } AS sources
            """.formatted(AsOf.lastDay("s.published"));

    /** The categories asked for and every category derived from them, transitively. */
    static final String CATEGORIES_AND_DESCENDANTS = """
            MATCH (c:DataCategory)<-[:DERIVED_FROM*0..]-(d:DataCategory)
            WHERE c.id IN $categories
            RETURN collect(DISTINCT d.id) AS ids
            """;

    /** REACHABILITY: any flow leaving (entering) the organizations at the ends of the paths so far. */
    private static final String NEXT_HOP = """
            UNWIND $frontier AS key
            MATCH (a:Organization {id: key})%s(f:DataFlow)%s(b:Organization)
            WHERE b.id <> $from AND %s
            RETURN key, f.id AS flow, b.id AS to, %s
            """;

    /**
     * LINEAGE: the flows that pass on what the flow ending a path carried, along the materialised
     * lineage rule ({@code FEEDS}, see {@code graph.Lineage}): walking DOWNSTREAM, the flows it
     * feeds; walking UPSTREAM, the flows that feed it. So X -> Dataminr (X public posts) -> Secret
     * Service (First Alert alerts, derived from X public posts) is one lineage, while an agency that
     * shares its own camera data onward does not pass on what it received.
     */
    private static final String NEXT_LINEAGE_HOP = """
            UNWIND $frontier AS key
            MATCH (:DataFlow {id: key})%s(f:DataFlow)%s(b:Organization)
            WHERE b.id <> $from AND %s
            RETURN key, f.id AS flow, b.id AS to, %s
            """;

    /**
     * What only the filters on the reached end read, fetched only when one is set: on a dense hop
     * of tens of thousands of flows, reading purposes and labels nobody asked about costs a third
     * of the hop. Parameters rather than variants of the text keep one plan per statement.
     */
    private static String endPurpose(boolean asRecorded) {
        return "CASE WHEN $byPurpose THEN "
                + (asRecorded ? Revisions.among("f", "revisedFlows", "f.purpose", "revision.purpose") : "f.purpose")
                + " END";
    }

    private static String endLabels(boolean asRecorded) {
        return "CASE WHEN $byKind THEN "
                + (asRecorded
                        ? Revisions.among("b", "revisedOrganizations", "labels(b)", "revision.labels")
                        : "labels(b)")
                + " END";
    }

    /** The texts of a walk's hops, now or at a recorded instant. */
    private record Hops(
            String downstreamFirst,
            String upstreamFirst,
            String downstreamNext,
            String upstreamNext,
            String downstreamLineageNext,
            String upstreamLineageNext) {

        static Hops of(boolean asRecorded) {
            var filter = hopFilter(asRecorded);
            var columns = endPurpose(asRecorded) + " AS purpose, " + endLabels(asRecorded) + " AS labels, "
                    + FlowPredicates.undated("f") + " AS undated";
            var entries = "purpose: " + endPurpose(asRecorded) + ", labels: " + endLabels(asRecorded) + ", undated: "
                    + FlowPredicates.undated("f");
            return new Hops(
                    FIRST_HOP.formatted("-[:SENDS]->", "-[:TO]->", filter, entries),
                    FIRST_HOP.formatted("<-[:TO]-", "<-[:SENDS]-", filter, entries),
                    NEXT_HOP.formatted("-[:SENDS]->", "-[:TO]->", filter, columns),
                    NEXT_HOP.formatted("<-[:TO]-", "<-[:SENDS]-", filter, columns),
                    NEXT_LINEAGE_HOP.formatted("-[:FEEDS]->", "-[:TO]->", filter, columns),
                    NEXT_LINEAGE_HOP.formatted("<-[:FEEDS]-", "<-[:SENDS]-", filter, columns));
        }
    }

    private static final Hops NOW = Hops.of(false);
    private static final Hops AS_RECORDED = Hops.of(true);

    /**
     * The downstream first hop with another filter and without the {@code undated} entry: what
     * {@code TraceStatementShapeTest} profiles against, to show that with neither time the product's
     * filter reads no more than a bare one.
     */
    static String downstreamFirstHop(String hopFilter) {
        return FIRST_HOP.formatted(
                "-[:SENDS]->",
                "-[:TO]->",
                hopFilter,
                "purpose: CASE WHEN $byPurpose THEN f.purpose END, labels: CASE WHEN $byKind THEN labels(b) END");
    }

    static String firstHop(Direction direction, boolean asRecorded) {
        var hops = asRecorded ? AS_RECORDED : NOW;
        return direction == Direction.DOWNSTREAM ? hops.downstreamFirst() : hops.upstreamFirst();
    }

    static String nextHop(Direction direction, TraceMode mode, boolean asRecorded) {
        var hops = asRecorded ? AS_RECORDED : NOW;
        boolean downstream = direction == Direction.DOWNSTREAM;
        if (mode == TraceMode.LINEAGE) {
            return downstream ? hops.downstreamLineageNext() : hops.upstreamLineageNext();
        }
        return downstream ? hops.downstreamNext() : hops.upstreamNext();
    }

    /** No organization twice on a path, the origin included. */
    private static final String SIMPLE_PATH =
            "all(i IN range(0, size(b) - 1) WHERE b[i] <> fromOrg AND all(j IN range(i + 1, size(b) - 1) WHERE b[i] <> b[j]))";

    /**
     * The k shortest chains between two organizations, found by Neo4j's shortest-path search. Cypher
     * wants {@code SHORTEST k} and the quantifier's bound as literals: the validated integers
     * {@code k} (1–20) and {@code maxHops} (1–8) are formatted into the text.
     */
    private static final String PATHS = """
            MATCH (fromOrg:Organization {id: $from}), (toOrg:Organization {id: $to})
            MATCH SHORTEST %1$d ((fromOrg) ((a:Organization)-[:SENDS]->(f:DataFlow WHERE %3$s)-[:TO]->(b:Organization)){1,%2$d} (toOrg)
                                WHERE %4$s)
            WITH [fromOrg] + b AS organizations, f AS flows
            ORDER BY size(flows), [x IN flows | x.id]
            RETURN organizations, flows
            """;

    static String paths(int k, int maxHops, boolean asRecorded) {
        return PATHS.formatted(k, maxHops, pathFilter(asRecorded), SIMPLE_PATH);
    }
}
