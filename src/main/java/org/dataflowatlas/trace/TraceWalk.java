package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.graph.Mapping;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Record;
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

    /** The answer: the origin (null when there is none) and the paths found, in answer order. */
    public record Result(@Nullable Organization origin, List<FlowPath> paths, boolean full, int statements) {}

    /** A path as a chain back to the origin: cheap to extend, made into a {@link FlowPath} only when kept. */
    private record Step(
            @Nullable Step parent, @Nullable DataFlow flow, Organization organization, String key, int hops) {

        boolean visits(String organizationId) {
            for (Step step = this; step != null; step = step.parent) {
                if (step.organization.id().equals(organizationId)) {
                    return true;
                }
            }
            return false;
        }

        String flowKey() {
            var ids = new String[hops];
            int i = hops;
            for (Step step = this; step.flow != null; step = step.parent) {
                ids[--i] = step.flow.id();
            }
            return String.join("\u0000", ids);
        }

        FlowPath path() {
            var organizations = new Organization[hops + 1];
            var flows = new DataFlow[hops];
            int i = hops;
            for (Step step = this; step != null; step = step.parent) {
                organizations[i] = step.organization;
                if (step.flow != null) {
                    flows[i - 1] = step.flow;
                }
                i--;
            }
            return new FlowPath(List.of(organizations), List.of(flows));
        }
    }

    /** One flow from the end of a path: the flow, the organization it reaches, and the key to expand next. */
    private record Edge(DataFlow flow, Organization to, String nextKey) {}

    private final Statements statements;
    private final Map<String, Organization> organizations = new HashMap<>();

    public TraceWalk(Statements statements) {
        this.statements = statements;
    }

    /** Walks the trace a request asks for, keeping at most {@code rowCap} paths. */
    public Result walk(TraceRequest request, Map<String, @Nullable Object> parameters, int rowCap) {
        boolean downstream = request.direction() == Direction.DOWNSTREAM;
        boolean lineage = request.mode() == TraceMode.LINEAGE;
        var purposes = request.purposes() == null ? null : Set.copyOf(request.purposes());
        var kinds = request.toKinds() == null ? null : Set.copyOf(request.toKinds());

        int statementCount = 0;
        if (parameters.get("categories") != null) {
            var categories = statements.run(TraceQueries.CATEGORIES_AND_DESCENDANTS, parameters);
            statementCount++;
            parameters = new HashMap<>(parameters);
            parameters.put("categories", categories.getFirst().get("ids").asList(value -> value.asString()));
        }
        var first = statements.run(TraceQueries.firstHop(request.direction()), parameters);
        statementCount++;
        if (first.isEmpty()) {
            return new Result(null, List.of(), false, statementCount);
        }
        var origin = organization(first.getFirst().get("origin").asNode());
        var root = new Step(null, null, origin, origin.id(), 0);
        var firstEdges = new ArrayList<Edge>();
        for (var hop : first.getFirst().get("hops").values()) {
            firstEdges.add(edge(origin, hop.get("f").asNode(), hop.get("b").asNode(), downstream, lineage));
        }

        var kept = new ArrayList<Step>();
        List<Step> frontier = List.of(root);
        Map<String, List<Edge>> edges = Map.of(origin.id(), firstEdges);
        long walked = 0;
        for (int hops = 1; hops <= request.maxHops(); hops++) {
            if (hops > 1) {
                var keys = new LinkedHashMap<String, Organization>();
                frontier.forEach(step -> keys.putIfAbsent(step.key(), step.organization()));
                var next = new HashMap<String, @Nullable Object>(parameters);
                next.put("frontier", List.copyOf(keys.keySet()));
                edges = new HashMap<>();
                for (var record : statements.run(TraceQueries.nextHop(request.direction(), request.mode()), next)) {
                    var key = record.get("key").asString();
                    edges.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(edge(
                                    keys.get(key),
                                    record.get("f").asNode(),
                                    record.get("b").asNode(),
                                    downstream,
                                    lineage));
                }
                statementCount++;
            }
            var extended = new ArrayList<Step>();
            for (var step : frontier) {
                for (var edge : edges.getOrDefault(step.key(), List.of())) {
                    if (!step.visits(edge.to().id())) {
                        extended.add(new Step(step, edge.flow(), edge.to(), edge.nextKey(), hops));
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
            var reported = new ArrayList<Step>();
            for (var step : extended) {
                if ((purposes == null || purposes.contains(step.flow().purpose()))
                        && (kinds == null || kinds.contains(step.organization().kind()))) {
                    reported.add(step);
                }
            }
            reported.sort(
                    Comparator.comparing((Step step) -> step.organization().id())
                            .thenComparing(Step::flowKey));
            kept.addAll(reported);
            if (kept.size() >= rowCap || extended.isEmpty()) {
                break;
            }
            frontier = extended;
        }
        boolean full = kept.size() >= rowCap;
        var paths = kept.subList(0, Math.min(kept.size(), rowCap)).stream()
                .map(Step::path)
                .toList();
        return new Result(origin, paths, full, statementCount);
    }

    private Edge edge(Organization near, Node flow, Node far, boolean downstream, boolean lineage) {
        var to = organization(far);
        var dataFlow = downstream ? Mapping.flow(flow, near, to) : Mapping.flow(flow, to, near);
        return new Edge(dataFlow, to, lineage ? dataFlow.id() : to.id());
    }

    /** Each organization is mapped once per walk, however many flows reach it. */
    private Organization organization(Node node) {
        return organizations.computeIfAbsent(node.get("id").asString(), id -> Mapping.organization(node));
    }
}
