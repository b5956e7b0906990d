package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.FlowPredicates;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Revisions;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Traces (walked a hop at a time, see {@link TraceWalk}) and shortest paths, in read transactions. */
@Service
@Transactional(readOnly = true)
public class TraceService {

    public static final int MAX_LIMIT = 5_000;
    public static final int MAX_PATHS = 5_000;
    public static final int MAX_K = 20;

    private final TraceRepository repository;
    private final OrganizationService organizations;

    TraceService(TraceRepository repository, OrganizationService organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    public Trace trace(TraceRequest request) {
        var walked = walk(request, repository::run);
        var origin = walked.origin();
        if (origin == null) {
            // Not an organization's own id: perhaps the id of one merged into another, which resolves to it.
            var resolved = requireOrganization(request.originField(), request.from());
            return trace(request.withFrom(resolved.id()));
        }
        var rows = walked.paths();
        var hopsByOrganization = new LinkedHashMap<String, Integer>();
        var reachedBy = new HashMap<String, Organization>();
        for (var row : rows) { // rows come ordered by hops, so the first seen is the minimum
            hopsByOrganization.putIfAbsent(row.last().id(), row.length());
            reachedBy.putIfAbsent(row.last().id(), row.last());
        }
        boolean truncated = walked.full() || hopsByOrganization.size() > request.limit();
        var kept = hopsByOrganization.keySet().stream().limit(request.limit()).collect(Collectors.toSet());
        var paths = rows.stream().filter(row -> kept.contains(row.last().id())).toList();
        if (paths.size() > request.maxPaths()) {
            paths = paths.subList(0, request.maxPaths());
            truncated = true;
        }
        var pathsByOrganization =
                paths.stream().collect(Collectors.groupingBy(path -> path.last().id()));
        // A reached organization whose paths maxPaths cut off still has the row that reached it.
        var reached = new ArrayList<Reach>();
        hopsByOrganization.forEach((id, hops) -> {
            if (kept.contains(id)) {
                reached.add(new Reach(reachedBy.get(id), hops, pathsByOrganization.getOrDefault(id, List.of())));
            }
        });
        return new Trace(
                origin, request.direction(), request.mode(), reached, paths, truncated, walked.undatedLeftOut());
    }

    /**
     * Walks a request with the given statements: the very walk {@link #trace} makes (the
     * benchmark runs it through the bare driver too). One row more than any answer can use tells
     * whether the graph held more.
     */
    public static TraceWalk.Result walk(TraceRequest request, TraceWalk.Statements statements) {
        return walk(request, statements, request.maxPaths() + request.limit() + 1);
    }

    private static TraceWalk.Result walk(TraceRequest request, TraceWalk.Statements statements, int rowCap) {
        var parameters = filterParameters(request.activeOn(), request.asOf(), request.minConfidence());
        parameters.put("from", request.from());
        parameters.put("categories", request.categories());
        return new TraceWalk(statements).walk(request, parameters, rowCap);
    }

    /**
     * Every LINEAGE path downstream from an organization, whatever its confidence, shortest first:
     * what policyConflicts checks against the organization's policies. Empty for an unknown origin.
     */
    public List<FlowPath> lineagePaths(String from, @Nullable PartialDate activeOn, AsOf asOf, int maxHops) {
        var request = TraceRequest.from(from)
                .maxHops(maxHops)
                .activeOn(activeOn)
                .asOf(asOf)
                .limit(1)
                .maxPaths(1)
                .build();
        return walk(request, repository::run, TraceWalk.MAX_WALKED_PATHS).paths();
    }

    /** A statement ready to run. */
    public record TraceStatement(String cypher, Map<String, @Nullable Object> parameters) {}

    /** The statement {@link #paths} runs, after the checks that need no database. */
    public static TraceStatement pathsStatement(
            String from, String to, int maxHops, int k, @Nullable PartialDate activeOn, AsOf asOf) {
        TraceRequest.checkHops("maxHops", maxHops);
        TraceRequest.checkRange("k", k, MAX_K);
        Ids.checkSlug("from", from);
        Ids.checkSlug("to", to);
        var parameters = filterParameters(activeOn, asOf, null);
        parameters.put("from", from);
        parameters.put("to", to);
        return new TraceStatement(TraceQueries.paths(k, maxHops, asOf.recordedAsOf() != null), parameters);
    }

    public List<FlowPath> paths(String from, String to, int maxHops, int k, @Nullable PartialDate activeOn, AsOf asOf) {
        var statement = pathsStatement(from, to, maxHops, k, activeOn, asOf);
        if (from.equals(to)) {
            requireOrganization("from", from);
            throw new InvalidInputException(
                    "from and to are both '" + from + "': ask for paths between two organizations.");
        }
        var paths = asRecorded(repository.paths(statement.cypher(), statement.parameters()), asOf);
        if (paths.isEmpty()) { // only an empty answer needs to know whether both ends exist
            var start = requireOrganization("from", from).id();
            var end = requireOrganization("to", to).id();
            if (!start.equals(from) || !end.equals(to)) { // ids of organizations merged into others
                return paths(start, end, maxHops, k, activeOn, asOf);
            }
        }
        return paths;
    }

    /** The paths with their flows and organizations as they read at {@code asOf}'s recorded instant. */
    private List<FlowPath> asRecorded(List<FlowPath> paths, AsOf asOf) {
        if (asOf.recordedAsOf() == null || paths.isEmpty()) {
            return paths;
        }
        var held = Revisions.Held.of(repository.run(Revisions.HELD_AT, Map.of("recordedAsOf", asOf.recordedAsOf())));
        if (held.flows().isEmpty() && held.organizations().isEmpty()) {
            return paths;
        }
        UnaryOperator<Organization> organization =
                o -> o.asRecorded(held.organizations().get(o.id()));
        return paths.stream()
                .map(path -> new FlowPath(
                        path.organizations().stream().map(organization).toList(),
                        path.flows().stream()
                                .map(flow -> flow.asRecorded(
                                        held.flows().get(flow.id()),
                                        flow.sender() == null ? null : organization.apply(flow.sender()),
                                        flow.recipient() == null ? null : organization.apply(flow.recipient())))
                                .toList()))
                .toList();
    }

    static Map<String, @Nullable Object> filterParameters(
            @Nullable PartialDate activeOn, AsOf asOf, @Nullable Confidence minimum) {
        var parameters = FlowPredicates.parameters(activeOn, asOf);
        parameters.put("confidences", Confidence.atLeast(minimum));
        return parameters;
    }

    Organization requireOrganization(String field, String id) {
        Ids.checkSlug(field, id);
        var found = organizations.findAll(Set.of(id)).get(id);
        if (found == null) {
            throw notFound(field, id);
        }
        return found;
    }

    private static NotFoundException notFound(String field, String id) {
        return new NotFoundException(
                field + ": no organization '" + id
                        + "'. Ids are slugs such as x or us-secret-service; find one with search(text: …) or organizations(…).");
    }
}
