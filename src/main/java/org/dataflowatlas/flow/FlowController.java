package org.dataflowatlas.flow;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.dataflowatlas.security.Editors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Flows, and the flow fields of organizations; every child field is loaded in one batch per level. */
@Controller
class FlowController {

    private final FlowService flows;
    private final OrganizationService organizations;

    FlowController(FlowService flows, OrganizationService organizations, BatchLoaderRegistry loaders) {
        this.flows = flows;
        this.organizations = organizations;
        loaders.forTypePair(String.class, FlowDetails.class)
                .registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> {
                    var found = new HashMap<>(flows.detailsOf(ids));
                    ids.forEach(id -> found.putIfAbsent(id, FlowDetails.NONE));
                    return found;
                }));
    }

    @QueryMapping
    @Nullable
    DataFlow flow(@Argument String id) {
        return flows.find(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    Connection<DataFlow> flows(
            @Argument @Nullable FlowFilter filter, @Argument int first, @Argument @Nullable String after) {
        return flows.list(filter, first, after);
    }

    @QueryMapping
    DateSpan flowDates() {
        return flows.dates();
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    DataFlow recordFlow(@Argument FlowInput input) {
        return flows.record(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    DataFlow endFlow(@Argument String id, @Argument PartialDate until, @Argument List<EvidenceInput> evidence) {
        return flows.end(id, until, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    DataFlow retractFlow(@Argument String id, @Argument String reason, @Argument List<EvidenceInput> evidence) {
        return flows.retract(id, reason, evidence);
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<DataFlow>> flowsOut(List<Organization> senders) {
        return byParent(senders, Organization::id, flows.sentBy(ids(senders, Organization::id)), List.of());
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<DataFlow>> flowsIn(List<Organization> receivers) {
        return byParent(receivers, Organization::id, flows.receivedBy(ids(receivers, Organization::id)), List.of());
    }

    @BatchMapping
    Map<DataFlow, Organization> from(List<DataFlow> dataFlows) {
        return ends(dataFlows, DataFlow::fromId, DataFlow::sender);
    }

    @BatchMapping
    Map<DataFlow, Organization> to(List<DataFlow> dataFlows) {
        return ends(dataFlows, DataFlow::toId, DataFlow::recipient);
    }

    /** The ends the flows brought with them, and one statement for the rest, if any. */
    private Map<DataFlow, Organization> ends(
            List<DataFlow> dataFlows,
            Function<DataFlow, String> id,
            Function<DataFlow, @Nullable Organization> resolved) {
        var missing =
                dataFlows.stream().filter(flow -> resolved.apply(flow) == null).toList();
        var found = new HashMap<String, Organization>(
                missing.isEmpty() ? Map.of() : organizations.findAll(ids(missing, id)));
        for (var flow : dataFlows) {
            var end = resolved.apply(flow);
            if (end != null) {
                found.put(end.id(), end);
            }
        }
        return byParent(dataFlows, id, found, null);
    }

    // categories, via and evidence share one loader: one statement for all three, per level of flows.

    @SchemaMapping
    CompletableFuture<List<DataCategory>> categories(DataFlow flow, DataLoader<String, FlowDetails> details) {
        return details.load(flow.id()).thenApply(FlowDetails::categories);
    }

    @SchemaMapping
    CompletableFuture<@Nullable Product> via(DataFlow flow, DataLoader<String, FlowDetails> details) {
        return details.load(flow.id()).thenApply(FlowDetails::product);
    }

    @BatchMapping
    Map<DataFlow, Retraction> retraction(List<DataFlow> dataFlows) {
        var retracted = dataFlows.stream().filter(DataFlow::retracted).toList();
        return byParent(dataFlows, DataFlow::id, flows.retractionsOf(ids(retracted, DataFlow::id)), null);
    }

    @SchemaMapping
    CompletableFuture<List<Evidence>> evidence(DataFlow flow, DataLoader<String, FlowDetails> details) {
        return details.load(flow.id()).thenApply(FlowDetails::evidence);
    }
}
