package org.dataflowatlas.policy;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.EvidenceService;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** policyConflicts, and the fields of policies and agreements, each loaded in one batch per level. */
@Controller
class PolicyController {

    private final PolicyService policies;
    private final OrganizationService organizations;
    private final FlowService flows;
    private final EvidenceService evidence;

    PolicyController(
            PolicyService policies, OrganizationService organizations, FlowService flows, EvidenceService evidence) {
        this.policies = policies;
        this.organizations = organizations;
        this.flows = flows;
        this.evidence = evidence;
    }

    @QueryMapping
    List<PolicyConflict> policyConflicts(
            @Argument @Nullable String platform, @Argument @Nullable PartialDate activeOn, @Argument int maxHops) {
        return policies.conflicts(platform, activeOn, maxHops);
    }

    @BatchMapping(typeName = "PolicyConflict")
    Map<PolicyConflict, Organization> platform(List<PolicyConflict> conflicts) {
        return byParent(
                conflicts,
                PolicyConflict::platformId,
                organizations.findAll(ids(conflicts, PolicyConflict::platformId)),
                null);
    }

    @BatchMapping(typeName = "PolicyConflict")
    Map<PolicyConflict, Policy> policy(List<PolicyConflict> conflicts) {
        return byParent(
                conflicts, PolicyConflict::policyId, policies.policies(ids(conflicts, PolicyConflict::policyId)), null);
    }

    @BatchMapping(typeName = "PolicyConflict")
    Map<PolicyConflict, DataFlow> flow(List<PolicyConflict> conflicts) {
        return byParent(conflicts, PolicyConflict::flowId, flows.findAll(ids(conflicts, PolicyConflict::flowId)), null);
    }

    @BatchMapping(typeName = "PolicyConflict", field = "evidence")
    Map<PolicyConflict, List<Evidence>> conflictEvidence(List<PolicyConflict> conflicts) {
        return byParent(
                conflicts,
                PolicyConflict::flowId,
                evidence.forFlows(ids(conflicts, PolicyConflict::flowId)),
                List.of());
    }

    @BatchMapping(typeName = "PolicyConflict", field = "agreements")
    Map<PolicyConflict, List<Agreement>> conflictAgreements(List<PolicyConflict> conflicts) {
        var ids = new LinkedHashSet<String>();
        conflicts.forEach(conflict -> ids.addAll(conflict.agreementIds()));
        var found = policies.agreements(ids);
        return conflicts.stream()
                .distinct()
                .collect(Collectors.toMap(
                        conflict -> conflict,
                        conflict -> conflict.agreementIds().stream()
                                .map(found::get)
                                .filter(Objects::nonNull)
                                .toList()));
    }

    @BatchMapping(typeName = "Policy")
    Map<Policy, Organization> publisher(List<Policy> list) {
        return byParent(list, Policy::id, policies.publishers(ids(list, Policy::id)), null);
    }

    @BatchMapping(typeName = "Policy", field = "evidence")
    Map<Policy, List<Evidence>> policyEvidence(List<Policy> list) {
        return byParent(list, Policy::id, evidence.forPolicies(ids(list, Policy::id)), List.of());
    }

    @BatchMapping(typeName = "Agreement")
    Map<Agreement, List<Organization>> parties(List<Agreement> list) {
        return byParent(list, Agreement::id, policies.parties(ids(list, Agreement::id)), List.of());
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<Policy>> policies(List<Organization> list) {
        return byParent(list, Organization::id, policies.policiesOf(ids(list, Organization::id)), List.of());
    }
}
