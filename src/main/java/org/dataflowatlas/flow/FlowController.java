package org.dataflowatlas.flow;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.EvidenceService;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Flows, and the flow fields of organizations; every child field is loaded in one batch per level. */
@Controller
class FlowController {

    private final FlowService flows;
    private final OrganizationService organizations;
    private final EvidenceService evidence;

    FlowController(FlowService flows, OrganizationService organizations, EvidenceService evidence) {
        this.flows = flows;
        this.organizations = organizations;
        this.evidence = evidence;
    }

    @QueryMapping
    @Nullable
    DataFlow flow(@Argument String id) {
        return flows.find(id).orElse(null);
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
        var found = organizations.findAll(ids(dataFlows, DataFlow::fromId));
        return byParent(dataFlows, DataFlow::fromId, found, null);
    }

    @BatchMapping
    Map<DataFlow, Organization> to(List<DataFlow> dataFlows) {
        var found = organizations.findAll(ids(dataFlows, DataFlow::toId));
        return byParent(dataFlows, DataFlow::toId, found, null);
    }

    @BatchMapping
    Map<DataFlow, List<DataCategory>> categories(List<DataFlow> dataFlows) {
        return byParent(dataFlows, DataFlow::id, flows.categoriesOf(ids(dataFlows, DataFlow::id)), List.of());
    }

    @BatchMapping
    Map<DataFlow, Product> via(List<DataFlow> dataFlows) {
        return byParent(dataFlows, DataFlow::id, flows.productsOf(ids(dataFlows, DataFlow::id)), null);
    }

    @BatchMapping(field = "evidence")
    Map<DataFlow, List<Evidence>> evidence(List<DataFlow> dataFlows) {
        return byParent(dataFlows, DataFlow::id, evidence.forFlows(ids(dataFlows, DataFlow::id)), List.of());
    }

    private static <P> List<String> ids(List<P> parents, Function<P, String> key) {
        return parents.stream().map(key).distinct().toList();
    }

    /** Spreads values found per key over the parents asking for them; a parent without a value gets the fallback. */
    private static <P, V> Map<P, V> byParent(
            List<P> parents, Function<P, String> key, Map<String, V> found, @Nullable V fallback) {
        return parents.stream()
                .distinct()
                .filter(parent -> fallback != null || found.containsKey(key.apply(parent)))
                .collect(Collectors.toMap(
                        Function.identity(), parent -> found.getOrDefault(key.apply(parent), fallback)));
    }
}
