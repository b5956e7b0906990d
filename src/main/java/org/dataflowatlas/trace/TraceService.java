package org.dataflowatlas.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.FlowPredicates;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Traces and shortest paths: one statement each, in read transactions. */
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
        return trace(request, "from");
    }

    /** A trace whose origin the caller named otherwise (exposure's platform), for the error messages. */
    Trace trace(TraceRequest request, String originField) {
        check(request, originField);
        var statement = statement(request);
        int rowCap = (int) statement.parameters().get("rowCap");
        // The statement yields rows branch by branch (1 hop, 2 hops, …), each branch sorted; sorting
        // here as well keeps the order whatever runtime streams the union.
        var rows =
                repository
                        .trace(statement.cypher(), statement.parameters(), request.direction() == Direction.DOWNSTREAM)
                        .stream()
                        .sorted(TraceRepository.Row.ORDER)
                        .toList();
        // Every row starts at the origin; only an empty answer needs to look it up (and to know why).
        var origin = rows.isEmpty()
                ? requireOrganization(originField, request.from())
                : rows.getFirst().path().organizations().getFirst();
        if (!origin.id().equals(request.from())) { // the id of an organization merged into origin
            return trace(withOrigin(request, origin.id()), originField);
        }

        var hopsByOrganization = new LinkedHashMap<String, Integer>();
        for (var row : rows) { // rows come ordered by hops, so the first seen is the minimum
            hopsByOrganization.putIfAbsent(row.reachedId(), row.hops());
        }
        boolean truncated = rows.size() >= rowCap || hopsByOrganization.size() > request.limit();
        var kept = hopsByOrganization.entrySet().stream()
                .limit(request.limit())
                .map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        var paths = rows.stream()
                .filter(row -> kept.contains(row.reachedId()))
                .map(TraceRepository.Row::path)
                .toList();
        if (paths.size() > request.maxPaths()) {
            paths = paths.subList(0, request.maxPaths());
            truncated = true;
        }
        var pathsByOrganization =
                paths.stream().collect(Collectors.groupingBy(path -> path.last().id()));
        // A reached organization whose paths maxPaths cut off still has the row that reached it.
        var reachedBy = new HashMap<String, Organization>();
        rows.forEach(row -> reachedBy.putIfAbsent(row.reachedId(), row.path().last()));
        var reached = new ArrayList<Reach>();
        hopsByOrganization.forEach((id, hops) -> {
            if (kept.contains(id)) {
                reached.add(new Reach(reachedBy.get(id), hops, pathsByOrganization.getOrDefault(id, List.of())));
            }
        });
        return new Trace(origin, request.direction(), request.mode(), reached, paths, truncated);
    }

    /** Checks what needs no database: hop count, limits and the form of the origin's id. */
    public static void check(TraceRequest request, String originField) {
        checkHops("maxHops", request.maxHops());
        checkRange("limit", request.limit(), MAX_LIMIT);
        checkRange("maxPaths", request.maxPaths(), MAX_PATHS);
        Ids.checkSlug(originField, request.from());
    }

    /** The Cypher and parameters of a trace: the one statement {@link #trace} runs (the benchmark runs it raw too). */
    public static TraceStatement statement(TraceRequest request) {
        var parameters = filterParameters(request.activeOn(), request.minConfidence());
        parameters.put("from", request.from());
        parameters.put("categories", request.categories());
        parameters.put("purposes", names(request.purposes()));
        parameters.put(
                "kindLabels",
                request.toKinds() == null
                        ? null
                        : request.toKinds().stream().map(OrgKind::label).toList());
        // One row more than any answer can use tells us whether the database held more.
        int rowCap = request.maxPaths() + request.limit() + 1;
        parameters.put("rowCap", rowCap);
        return new TraceStatement(
                TraceQueries.trace(request.direction(), request.mode(), request.maxHops()), parameters);
    }

    /** A statement ready to run. */
    public record TraceStatement(String cypher, Map<String, @Nullable Object> parameters) {}

    /** The statement {@link #paths} runs, after the checks that need no database. */
    public static TraceStatement pathsStatement(
            String from, String to, int maxHops, int k, @Nullable PartialDate activeOn) {
        checkHops("maxHops", maxHops);
        checkRange("k", k, MAX_K);
        Ids.checkSlug("from", from);
        Ids.checkSlug("to", to);
        var parameters = filterParameters(activeOn, null);
        parameters.put("from", from);
        parameters.put("to", to);
        return new TraceStatement(TraceQueries.paths(k, maxHops), parameters);
    }

    public List<FlowPath> paths(String from, String to, int maxHops, int k, @Nullable PartialDate activeOn) {
        var statement = pathsStatement(from, to, maxHops, k, activeOn);
        if (from.equals(to)) {
            requireOrganization("from", from);
            throw new InvalidInputException(
                    "from and to are both '" + from + "': ask for paths between two organizations.");
        }
        var paths = repository.paths(statement.cypher(), statement.parameters());
        if (paths.isEmpty()) { // only an empty answer needs to know whether both ends exist
            var start = requireOrganization("from", from).id();
            var end = requireOrganization("to", to).id();
            if (!start.equals(from) || !end.equals(to)) { // ids of organizations merged into others
                return paths(start, end, maxHops, k, activeOn);
            }
        }
        return paths;
    }

    private static TraceRequest withOrigin(TraceRequest request, String from) {
        return new TraceRequest(
                from,
                request.direction(),
                request.mode(),
                request.maxHops(),
                request.activeOn(),
                request.purposes(),
                request.minConfidence(),
                request.categories(),
                request.toKinds(),
                request.limit(),
                request.maxPaths());
    }

    static Map<String, @Nullable Object> filterParameters(
            @Nullable PartialDate activeOn, @Nullable Confidence minimum) {
        var parameters = new HashMap<String, @Nullable Object>(FlowPredicates.activeOnParameters(activeOn));
        parameters.put("confidences", Confidence.atLeast(minimum));
        return parameters;
    }

    public static void checkHops(String field, int maxHops) {
        if (maxHops < 1 || maxHops > TraceQueries.MAX_HOPS) {
            throw new InvalidInputException(
                    field + " must be between 1 and " + TraceQueries.MAX_HOPS + " (got " + maxHops
                            + "); longer chains explode combinatorially — narrow the question with activeOn, purposes or"
                            + " categories instead.");
        }
    }

    private static void checkRange(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidInputException(field + " must be between 1 and " + max + " (got " + value + ").");
        }
    }

    Organization requireOrganization(String field, String id) {
        Ids.checkSlug(field, id);
        var found = organizations.findAll(Set.of(id)).get(id);
        if (found == null) {
            throw new NotFoundException(
                    field + ": no organization '" + id
                            + "'. Ids are slugs such as x or us-secret-service; find one with search(text: …) or organizations(…).");
        }
        return found;
    }

    private static @Nullable List<String> names(@Nullable List<? extends Enum<?>> values) {
        return values == null ? null : values.stream().map(Enum::name).toList();
    }
}
