package org.dataflowatlas.trace;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** trace, paths and exposure; the organizations and flows of every path load in one batch per level. */
@Controller
class TraceController {

    private final TraceService traces;
    private final ExposureService exposures;
    private final OrganizationService organizations;
    private final FlowService flows;

    TraceController(
            TraceService traces, ExposureService exposures, OrganizationService organizations, FlowService flows) {
        this.traces = traces;
        this.exposures = exposures;
        this.organizations = organizations;
        this.flows = flows;
    }

    @QueryMapping
    Trace trace(
            @Argument String from,
            @Argument Direction direction,
            @Argument TraceMode mode,
            @Argument int maxHops,
            @Argument @Nullable PartialDate activeOn,
            @Argument @Nullable List<Purpose> purposes,
            @Argument @Nullable Confidence minConfidence,
            @Argument @Nullable List<String> categories,
            @Argument @Nullable List<OrgKind> toKinds,
            @Argument int limit,
            @Argument int maxPaths) {
        return traces.trace(new TraceRequest(
                from,
                direction,
                mode,
                maxHops,
                activeOn,
                purposes,
                minConfidence,
                categories,
                toKinds,
                limit,
                maxPaths));
    }

    @QueryMapping
    List<FlowPath> paths(
            @Argument String from,
            @Argument String to,
            @Argument int maxHops,
            @Argument int k,
            @Argument @Nullable PartialDate activeOn) {
        return traces.paths(from, to, maxHops, k, activeOn);
    }

    @QueryMapping
    Exposure exposure(@Argument String platform, @Argument @Nullable PartialDate activeOn, @Argument int maxHops) {
        return exposures.exposure(platform, activeOn, maxHops);
    }

    // A trace's statement returns its organizations and flows with the paths, so these usually have
    // everything at hand; only what came as ids (paths, policy conflicts, cut-off reaches) is loaded,
    // in one statement per level, and none at all when nothing is missing.

    @BatchMapping
    Map<Trace, Organization> origin(List<Trace> traces) {
        var missing = traces.stream().filter(t -> t.resolvedOrigin() == null).toList();
        var found = organizations.findAll(ids(missing, Trace::originId));
        return byParent(
                traces,
                Trace::originId,
                traces.stream()
                        .map(t -> t.resolvedOrigin() != null ? t.resolvedOrigin() : found.get(t.originId()))
                        .filter(Objects::nonNull)
                        .collect(Collectors.toMap(Organization::id, o -> o, (a, b) -> a)),
                null);
    }

    @BatchMapping
    Map<Reach, Organization> organization(List<Reach> reached) {
        var missing = reached.stream().filter(r -> r.resolved() == null).toList();
        var found = new java.util.HashMap<>(organizations.findAll(ids(missing, Reach::organizationId)));
        reached.stream().filter(r -> r.resolved() != null).forEach(r -> found.put(r.organizationId(), r.resolved()));
        return byParent(reached, Reach::organizationId, found, null);
    }

    @BatchMapping(typeName = "FlowPath")
    Map<FlowPath, List<Organization>> organizations(List<FlowPath> paths) {
        var ids = new LinkedHashSet<String>();
        paths.stream().filter(path -> path.organizations() == null).forEach(path -> ids.addAll(path.organizationIds()));
        var found = organizations.findAll(ids);
        return paths.stream()
                .distinct()
                .collect(Collectors.toMap(
                        path -> path,
                        path -> path.organizations() != null
                                ? path.organizations()
                                : path.organizationIds().stream()
                                        .map(found::get)
                                        .filter(Objects::nonNull)
                                        .toList()));
    }

    @BatchMapping(typeName = "FlowPath")
    Map<FlowPath, List<DataFlow>> flows(List<FlowPath> paths) {
        var ids = new LinkedHashSet<String>();
        paths.stream().filter(path -> path.flows() == null).forEach(path -> ids.addAll(path.flowIds()));
        var found = ids.isEmpty() ? Map.<String, DataFlow>of() : flows.findAll(ids);
        return paths.stream()
                .distinct()
                .collect(Collectors.toMap(
                        path -> path,
                        path -> path.flows() != null
                                ? path.flows()
                                : path.flowIds().stream()
                                        .map(found::get)
                                        .filter(Objects::nonNull)
                                        .toList()));
    }
}
