package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Revisions;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/**
 * A trace walked breadth first: one small statement per hop, all in the caller's read transaction.
 * Each statement expands the distinct ends of the paths found so far (an organization in
 * REACHABILITY, the last flow in LINEAGE, where what may follow depends on what that flow carried)
 * by one flow; the paths themselves are extended here, so the rule that no organization appears
 * twice on a path costs a look along the path, not a predicate Neo4j plans over every combination.
 *
 * <p>The answer is every path, shortest first, then by reached organization and flow ids, cut to
 * {@code rowCap}. A length is complete before it is cut, and once the answer is full no longer
 * length is walked; a walk whose paths can never fill it (a filter no path meets) stops when no
 * path can be extended or at {@code maxHops}. Filters on the reached end ({@code purposes} of the
 * last flow, {@code toKinds}) narrow what is reported, not what is walked.
 */
public final class TraceWalk {

    /** Paths a single walk may hold before it is refused: far above any answer a caller can take. */
    public static final int MAX_WALKED_PATHS = 1_000_000;

    /** Runs one statement in the caller's transaction. */
    @FunctionalInterface
    public interface Statements {
        List<Record> run(String cypher, Map<String, @Nullable Object> parameters);
    }

    /**
     * The answer: the origin (null when there is none), the paths found, in answer order, and how
     * many flows would have extended a path but were left out because none of their evidence is
     * dated (with {@code asKnownOn} only).
     */
    public record Result(@Nullable Organization origin, List<FlowPath> paths, boolean full, int undatedLeftOut) {}

    /**
     * A path as a chain back to the origin: cheap to extend, made into a {@link FlowPath} only when
     * kept. A step holds ids and what the filters on the reached end need, not nodes: a dense hop
     * moves tens of thousands of flows, and whole nodes cost twice as much over Bolt as their ids.
     */
    private record Step(@Nullable Step parent, @Nullable Edge edge, String organizationId, String key, int hops) {

        boolean visits(String organization) {
            for (Step step = this; step != null; step = step.parent) {
                if (step.organizationId.equals(organization)) {
                    return true;
                }
            }
            return false;
        }

        String flowKey() {
            var ids = new String[hops];
            int i = hops;
            for (Step step = this; step.edge != null; step = step.parent) {
                ids[--i] = step.edge.flowId();
            }
            return String.join("\u0000", ids);
        }
    }

    /**
     * One flow from the end of a path: the flow, the organization it reaches, the key to expand
     * next, and (first hop only) the flow's and organization's nodes.
     */
    private record Edge(
            String flowId,
            @Nullable Purpose purpose,
            String to,
            @Nullable OrgKind kind,
            String nextKey,
            boolean undated,
            @Nullable Node flowNode,
            @Nullable Node toNode) {}

    private final Statements statements;

    public TraceWalk(Statements statements) {
        this.statements = statements;
    }

    /** Walks the trace a request asks for, keeping at most {@code rowCap} paths. */
    public Result walk(TraceRequest request, Map<String, @Nullable Object> parameters, int rowCap) {
        boolean downstream = request.direction() == Direction.DOWNSTREAM;
        boolean lineage = request.mode() == TraceMode.LINEAGE;
        var purposes = request.purposes() == null ? null : Set.copyOf(request.purposes());
        var kinds = request.toKinds() == null ? null : Set.copyOf(request.toKinds());

        parameters = new HashMap<>(parameters);
        if (parameters.get("categories") != null) {
            var categories = statements.run(TraceQueries.CATEGORIES_AND_DESCENDANTS, parameters);
            parameters.put("categories", categories.getFirst().get("ids").asList(Value::asString));
            parameters.put("anyCategory", false);
        } else {
            // A list of strings all the same, as with the filter: an empty list is another type, and another plan.
            parameters.put("categories", List.of(""));
            parameters.put("anyCategory", true);
        }
        parameters.put("byPurpose", purposes != null);
        parameters.put("byKind", kinds != null);
        boolean asRecorded = request.asOf().recordedAsOf() != null;
        var held = asRecorded
                ? Revisions.Held.of(statements.run(
                        Revisions.HELD_AT,
                        Map.of("recordedAsOf", Objects.requireNonNull(parameters.get("recordedAsOf")))))
                : new Revisions.Held(Map.of(), Map.of());
        if (asRecorded) {
            parameters.putAll(held.parameters());
        }
        var first = statements.run(TraceQueries.firstHop(request.direction(), asRecorded), parameters);
        if (first.isEmpty()) {
            return new Result(null, List.of(), false, 0);
        }
        var origin = Organization.of(first.getFirst().get("origin").asNode());
        var root = new Step(null, null, origin.id(), origin.id(), 0);
        var firstEdges = new ArrayList<Edge>();
        for (var hop : first.getFirst().get("hops").values()) {
            firstEdges.add(edge(hop, lineage));
        }

        var kept = new ArrayList<Step>();
        List<Step> frontier = List.of(root);
        Map<String, List<Edge>> edges = Map.of(origin.id(), firstEdges);
        long walked = 0;
        var undated = new HashSet<String>();
        for (int hops = 1; hops <= request.maxHops(); hops++) {
            if (hops > 1) {
                var keys = new LinkedHashSet<String>();
                frontier.forEach(step -> keys.add(step.key()));
                var next = new HashMap<String, @Nullable Object>(parameters);
                next.put("frontier", List.copyOf(keys));
                edges = new HashMap<>();
                for (var record :
                        statements.run(TraceQueries.nextHop(request.direction(), request.mode(), asRecorded), next)) {
                    edges.computeIfAbsent(record.get("key").asString(), k -> new ArrayList<>())
                            .add(edge(record, lineage));
                }
            }
            var extended = new ArrayList<Step>();
            for (var step : frontier) {
                for (var edge : edges.getOrDefault(step.key(), List.of())) {
                    if (edge.undated()) {
                        if (!step.visits(edge.to())) {
                            undated.add(edge.flowId());
                        }
                    } else if (!step.visits(edge.to())) {
                        extended.add(new Step(step, edge, edge.to(), edge.nextKey(), hops));
                    }
                }
            }
            walked += extended.size();
            if (walked > MAX_WALKED_PATHS) {
                throw new InvalidInputException("This trace would walk more than "
                        + String.format("%,d", MAX_WALKED_PATHS)
                        + " paths within " + hops + " hops. Narrow it: a smaller maxHops, an activeOn date, purposes or"
                        + " categories filters, minConfidence, mode LINEAGE rather than REACHABILITY, or toKinds.");
            }
            var reported = new ArrayList<Map.Entry<String, Step>>();
            for (var step : extended) {
                var edge = Objects.requireNonNull(step.edge());
                if ((purposes == null || purposes.contains(edge.purpose()))
                        && (kinds == null || kinds.contains(edge.kind()))) {
                    reported.add(Map.entry(step.organizationId() + "\u0001" + step.flowKey(), step));
                }
            }
            reported.sort(Map.Entry.comparingByKey());
            reported.forEach(entry -> kept.add(entry.getValue()));
            if (kept.size() >= rowCap || extended.isEmpty()) {
                break;
            }
            frontier = extended;
        }
        boolean full = kept.size() >= rowCap;
        var rows = kept.subList(0, Math.min(kept.size(), rowCap));
        var organizations = new HashMap<String, Organization>();
        var paths = paths(rows, origin, downstream, held, organizations);
        return new Result(organizations.get(origin.id()), paths, full, undated.size());
    }

    /**
     * The kept paths with their organization and flow nodes: those the first hop brought, the rest
     * fetched once each in one statement.
     */
    private List<FlowPath> paths(
            List<Step> rows,
            Organization origin,
            boolean downstream,
            Revisions.Held held,
            Map<String, Organization> organizations) {
        organizations.put(origin.id(), origin);
        var flowNodes = new HashMap<String, Node>();
        var flowIds = new LinkedHashSet<String>();
        var organizationIds = new LinkedHashSet<String>();
        for (var row : rows) {
            for (Step step = row; step.edge() != null; step = step.parent()) {
                var edge = step.edge();
                if (edge.flowNode() != null && edge.toNode() != null) {
                    flowNodes.putIfAbsent(edge.flowId(), edge.flowNode());
                    organizations.computeIfAbsent(edge.to(), id -> Organization.of(edge.toNode()));
                } else {
                    flowIds.add(edge.flowId());
                    organizationIds.add(step.organizationId());
                }
            }
        }
        flowIds.removeAll(flowNodes.keySet());
        organizationIds.removeAll(organizations.keySet());
        if (!flowIds.isEmpty() || !organizationIds.isEmpty()) {
            var nodes = statements
                    .run(
                            TraceQueries.NODES,
                            Map.of("flows", List.copyOf(flowIds), "organizations", List.copyOf(organizationIds)))
                    .getFirst();
            for (var node : nodes.get("organizations").values()) {
                var organization = Organization.of(node.asNode());
                organizations.put(organization.id(), organization);
            }
            for (var node : nodes.get("flows").values()) {
                flowNodes.put(node.asNode().get("id").asString(), node.asNode());
            }
        }
        // In recorded time, as the revisions that held then say (none: as now).
        held.organizations()
                .forEach((id, revision) ->
                        organizations.computeIfPresent(id, (key, organization) -> organization.asRecorded(revision)));
        var revisedFlows = held.flows();
        var flows = new HashMap<String, DataFlow>();
        var paths = new ArrayList<FlowPath>(rows.size());
        for (var row : rows) {
            var pathOrganizations = new Organization[row.hops() + 1];
            var pathFlows = new DataFlow[row.hops()];
            int i = row.hops();
            for (Step step = row; step != null; step = step.parent()) {
                pathOrganizations[i] = organizations.get(step.organizationId());
                i--;
            }
            i = row.hops();
            for (Step step = row; step.edge() != null; step = step.parent()) {
                var near = pathOrganizations[i - 1];
                var far = pathOrganizations[i];
                pathFlows[i - 1] = flows.computeIfAbsent(step.edge().flowId(), id -> {
                    var flow = downstream
                            ? DataFlow.of(flowNodes.get(id), near, far)
                            : DataFlow.of(flowNodes.get(id), far, near);
                    return flow.asRecorded(revisedFlows.get(id), flow.sender(), flow.recipient());
                });
                i--;
            }
            paths.add(new FlowPath(List.of(pathOrganizations), List.of(pathFlows)));
        }
        return paths;
    }

    private static Edge edge(MapAccessor hop, boolean lineage) {
        var flow = hop.get("flow").asString();
        var to = hop.get("to").asString();
        var purpose = hop.get("purpose").isNull()
                ? null
                : Purpose.valueOf(hop.get("purpose").asString());
        OrgKind kind = null;
        if (!hop.get("labels").isNull()) {
            var labels = hop.get("labels").asList(Value::asString);
            for (var candidate : OrgKind.values()) {
                if (labels.contains(candidate.label())) {
                    kind = candidate;
                    break;
                }
            }
        }
        var flowNode = hop.get("flowNode");
        var toNode = hop.get("toNode");
        return new Edge(
                flow,
                purpose,
                to,
                kind,
                lineage ? flow : to,
                hop.get("undated").asBoolean(false),
                flowNode.isNull() ? null : flowNode.asNode(),
                toNode.isNull() ? null : toNode.asNode());
    }
}
