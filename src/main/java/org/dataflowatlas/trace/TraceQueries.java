package org.dataflowatlas.trace;

import org.dataflowatlas.flow.FlowPredicates;

/**
 * The Cypher of every trace-shaped question, in one place. Each question compiles to one
 * parameterised statement built on quantified path patterns. Only hop counts (validated integers,
 * because Cypher wants quantifier bounds as literals) and fixed fragments from this class are
 * formatted into the text; everything from the caller is a parameter.
 */
public final class TraceQueries {

    private TraceQueries() {}

    public static final int MAX_HOPS = 8;

    /** One hop of the walk: {@code a} is where it stands, {@code f} the flow taken, {@code b} where it arrives. */
    private static final String DOWNSTREAM_HOP =
            "(a:Organization)-[:SENDS]->(f:DataFlow WHERE %s)-[:TO]->(b:Organization)";

    private static final String UPSTREAM_HOP =
            "(a:Organization)<-[:TO]-(f:DataFlow WHERE %s)<-[:SENDS]-(b:Organization)";

    /** What every hop must satisfy, cheap enough to prune during the walk. */
    private static final String HOP_FILTER =
            "coalesce(f.retracted, false) = false AND f.confidence IN $confidences AND "
                    + FlowPredicates.activeOnWithoutEvidence("f");

    /**
     * The lineage rule. The first hop is any flow leaving the origin; each later hop must carry a
     * category equal to, or derived (transitively, via DERIVED_FROM) from, a category the previous
     * hop carried. So X -> Dataminr (X public posts) -> Secret Service (First Alert alerts, derived
     * from X public posts) is one lineage, while an agency that shares its own camera data onward
     * does not pass on what it received. Walking UPSTREAM, hop i+1 is the earlier one in the data's life.
     */
    // Both flows are bound before the MATCH, so Neo4j walks up from the later flow's few categories
    // and checks the earlier flow's CARRIES in place, instead of expanding every flow that carries
    // one of the earlier flow's categories (18x fewer db hits on a 5,000-flow synthetic graph).
    private static final String LINEAGE = """
            all(i IN range(0, size(f) - 2) WHERE EXISTS {
                  WITH %s
                  MATCH (later)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(:DataCategory)<-[:CARRIES]-(earlier) })""";

    private static final String DOWNSTREAM_ORDER = "f[i] AS earlier, f[i + 1] AS later";
    private static final String UPSTREAM_ORDER = "f[i + 1] AS earlier, f[i] AS later";

    /** No organization twice on a path, the origin included. */
    private static final String SIMPLE_PATH =
            "all(i IN range(0, size(b) - 1) WHERE b[i] <> %1$s AND all(j IN range(i + 1, size(b) - 1) WHERE b[i] <> b[j]))";

    /**
     * One branch per path length, shortest first, each sorted and cut to {@code $rowCap} on its own:
     * the answer is ordered by hops anyway, so once the shorter lengths fill {@code $rowCap} the
     * longer ones are never walked (a 6-hop trace of a dense graph no longer lists every 6-hop path
     * before it can stop). The result is the same as one match over {@code {1,maxHops}}, sorted.
     */
    private static final String TRACE = """
            MATCH (origin:Organization {id: $from})
            %3$s
            CALL (%4$s) {
            %1$s
            }
            WITH * LIMIT $rowCap
            // The nodes themselves, so the API needs no second statement for the organizations and flows.
            RETURN reachedId, hops, flowIds, [origin] + b AS organizations, f AS flows
            """;

    private static final String TRACE_BRANCH = """
              MATCH (origin) (%1$s){%2$d}
              WHERE %3$s
                AND all(x IN f WHERE %4$s)
                AND ($categories IS NULL OR EXISTS {
                      WITH f[0] AS first
                      MATCH (first)-[:CARRIES]->(:DataCategory)-[:DERIVED_FROM*0..]->(c:DataCategory)
                      WHERE c.id IN $categories })
                AND %5$s
              WITH f, b, last(b) AS reached
              WHERE ($purposes IS NULL OR last(f).purpose IN $purposes)
                AND ($kindLabels IS NULL OR any(l IN labels(reached) WHERE l IN $kindLabels))
              WITH f, b, reached.id AS reachedId, [x IN f | x.id] AS flowIds
              ORDER BY reachedId, flowIds
              LIMIT $rowCap
              RETURN f, b, reachedId, %2$d AS hops, flowIds""";

    private static final String PATHS = """
            MATCH (fromOrg:Organization {id: $from}), (toOrg:Organization {id: $to})
            MATCH SHORTEST %1$d ((fromOrg) (%2$s){1,%3$d} (toOrg) WHERE %4$s AND all(x IN f WHERE %5$s))
            WITH [fromOrg] + b AS organizations, f AS flows
            ORDER BY size(flows), [x IN flows | x.id]
            RETURN organizations, flows
            """;

    private static final String CONFLICTS = """
            MATCH (platform:Organization)-[:PUBLISHES]->(policy:Policy)
            WHERE ($platform IS NULL OR platform.id = $platform) AND size(coalesce(policy.prohibitedPurposes, [])) > 0
              AND coalesce(policy.retracted, false) = false
            %6$s
            MATCH (platform) (%1$s){1,%2$d}
            WHERE %3$s
              AND all(x IN f WHERE %4$s)
              AND %5$s
              AND last(f).purpose IN policy.prohibitedPurposes
            WITH platform, policy, f, b, last(f) AS offending,
                 COLLECT { MATCH (platform)-[:PARTY_TO]->(agreement:Agreement)<-[:UNDER]-(covered:DataFlow)
                           WHERE covered IN f AND coalesce(agreement.retracted, false) = false
                           RETURN DISTINCT agreement ORDER BY agreement.id } AS agreements
            WITH platform, policy, offending, f, b, agreements,
                 CASE WHEN any(k IN agreements WHERE offending.purpose IN coalesce(k.approvedPurposes, [])) THEN 'APPROVED'
                      WHEN any(k IN agreements WHERE k.approvedPurposes IS NOT NULL) THEN 'NOT_APPROVED'
                      ELSE 'UNKNOWN' END AS approval
            ORDER BY platform.id, policy.id, offending.id, size(f), [x IN f | x.id]
            WITH platform, policy, offending,
                 collect({flows: f, organizations: [platform] + b,
                          approval: approval, agreementIds: [k IN agreements | k.id]})[0] AS shortest
            RETURN platform.id AS platformId, policy.id AS policyId, offending.id AS flowId, offending.purpose AS purpose,
                   shortest.flows AS flows, shortest.organizations AS organizations,
                   shortest.approval AS approval, shortest.agreementIds AS agreementIds
            """;

    /** The 32 trace texts, each built once: a request uses its text twice (planning, then running it). */
    private static final java.util.Map<String, String> TRACES = new java.util.concurrent.ConcurrentHashMap<>();

    static String trace(Direction direction, TraceMode mode, int maxHops) {
        return TRACES.computeIfAbsent(direction + " " + mode + " " + maxHops, key -> build(direction, mode, maxHops));
    }

    private static String build(Direction direction, TraceMode mode, int maxHops) {
        boolean lineage = mode == TraceMode.LINEAGE;
        var branches = new java.util.ArrayList<String>();
        for (int hops = 1; hops <= maxHops; hops++) {
            branches.add(TRACE_BRANCH.formatted(
                    lineage ? lineageHop(direction) : hop(direction),
                    hops,
                    SIMPLE_PATH.formatted("origin"),
                    FlowPredicates.activeOn("x"),
                    lineage ? lineage(direction) : "true"));
        }
        return TRACE.formatted(
                String.join("\n  UNION ALL\n", branches),
                maxHops,
                lineage ? lineageCandidates(direction, "origin") : "",
                lineage ? "origin, candidates" : "origin");
    }

    static String paths(int k, int maxHops) {
        return PATHS.formatted(
                k, hop(Direction.DOWNSTREAM), maxHops, SIMPLE_PATH.formatted("fromOrg"), FlowPredicates.activeOn("x"));
    }

    public static String conflicts(int maxHops) {
        return CONFLICTS.formatted(
                lineageHop(Direction.DOWNSTREAM),
                maxHops,
                SIMPLE_PATH.formatted("platform"),
                FlowPredicates.activeOn("x"),
                lineage(Direction.DOWNSTREAM),
                lineageCandidates(Direction.DOWNSTREAM, "platform"));
    }

    /**
     * Pruning for LINEAGE, so the walk never enters flows that cannot be on a lineage path: every hop
     * of a lineage carries a category derived (reflexively, transitively) from one the first hop
     * carried. DOWNSTREAM, the first hop leaves the origin, so the candidates are the flows carrying
     * a descendant of a category leaving it; UPSTREAM, the first hop enters the origin and earlier
     * hops carry ancestors. The exact rule between consecutive hops is still checked after the match.
     */
    private static final String LINEAGE_CANDIDATES = """
            CALL (%1$s) {
              MATCH (%1$s)%2$s(:DataFlow)-[:CARRIES]->(:DataCategory)%3$s(related:DataCategory)
              // A separate MATCH, so the first hop's own CARRIES may be matched again: it is a candidate too.
              MATCH (related)<-[:CARRIES]-(candidate:DataFlow)
              RETURN collect(DISTINCT candidate) AS candidates
            }""";

    private static String lineageCandidates(Direction direction, String origin) {
        return direction == Direction.DOWNSTREAM
                ? LINEAGE_CANDIDATES.formatted(origin, "-[:SENDS]->", "<-[:DERIVED_FROM*0..]-")
                : LINEAGE_CANDIDATES.formatted(origin, "<-[:TO]-", "-[:DERIVED_FROM*0..]->");
    }

    private static String lineageHop(Direction direction) {
        return (direction == Direction.DOWNSTREAM ? DOWNSTREAM_HOP : UPSTREAM_HOP)
                .formatted(HOP_FILTER + " AND f IN candidates");
    }

    private static String hop(Direction direction) {
        return (direction == Direction.DOWNSTREAM ? DOWNSTREAM_HOP : UPSTREAM_HOP).formatted(HOP_FILTER);
    }

    private static String lineage(Direction direction) {
        return LINEAGE.formatted(direction == Direction.DOWNSTREAM ? DOWNSTREAM_ORDER : UPSTREAM_ORDER);
    }
}
