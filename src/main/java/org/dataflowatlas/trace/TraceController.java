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

    @BatchMapping
    Map<Trace, Organization> origin(List<Trace> traces) {
        return byParent(traces, Trace::originId, organizations.findAll(ids(traces, Trace::originId)), null);
    }

    @BatchMapping
    Map<Reach, Organization> organization(List<Reach> reached) {
        return byParent(
                reached, Reach::organizationId, organizations.findAll(ids(reached, Reach::organizationId)), null);
    }

    @BatchMapping(typeName = "FlowPath")
    Map<FlowPath, List<Organization>> organizations(List<FlowPath> paths) {
        var ids = new LinkedHashSet<String>();
        paths.forEach(path -> ids.addAll(path.organizationIds()));
        var found = organizations.findAll(ids);
        return paths.stream()
                .distinct()
                .collect(Collectors.toMap(
                        path -> path,
                        path -> path.organizationIds().stream()
                                .map(found::get)
                                .filter(Objects::nonNull)
                                .toList()));
    }

    @BatchMapping(typeName = "FlowPath")
    Map<FlowPath, List<DataFlow>> flows(List<FlowPath> paths) {
        var ids = new LinkedHashSet<String>();
        paths.forEach(path -> ids.addAll(path.flowIds()));
        var found = flows.findAll(ids);
        return paths.stream()
                .distinct()
                .collect(Collectors.toMap(
                        path -> path,
                        path -> path.flowIds().stream()
                                .map(found::get)
                                .filter(Objects::nonNull)
                                .toList()));
    }
}
