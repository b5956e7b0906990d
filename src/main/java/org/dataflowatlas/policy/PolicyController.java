package org.dataflowatlas.policy;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.EvidenceService;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.flow.DataFlow;
import org.dataflowatlas.flow.FlowService;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** policyConflicts, policies and agreements and their writes; every field loads in one batch per level. */
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
            @Argument @Nullable String platform,
            @Argument @Nullable PartialDate activeOn,
            @Argument int maxHops,
            @Argument @Nullable PartialDate asKnownOn,
            @Argument @Nullable OffsetDateTime recordedAsOf) {
        return policies.conflicts(platform, activeOn, AsOf.of(asKnownOn, recordedAsOf), maxHops);
    }

    @QueryMapping
    @Nullable
    Policy policy(@Argument String id) {
        return policies.policy(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    @Nullable
    Agreement agreement(@Argument String id) {
        return policies.agreement(Ids.checkSlug("id", id)).orElse(null);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Policy publishPolicy(@Argument PolicyInput input) {
        return policies.publish(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Policy endPolicy(@Argument String id, @Argument PartialDate until, @Argument List<EvidenceInput> evidence) {
        return policies.endPolicy(id, until, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Policy retractPolicy(@Argument String id, @Argument String reason, @Argument List<EvidenceInput> evidence) {
        return policies.retractPolicy(id, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Agreement recordAgreement(@Argument AgreementInput input) {
        return policies.recordAgreement(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Agreement endAgreement(@Argument String id, @Argument PartialDate expires, @Argument List<EvidenceInput> evidence) {
        return policies.endAgreement(id, expires, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Agreement retractAgreement(@Argument String id, @Argument String reason, @Argument List<EvidenceInput> evidence) {
        return policies.retractAgreement(id, reason, evidence);
    }

    /** The agreements a flow is made under: answered here, where agreements live. */
    @BatchMapping(typeName = "DataFlow")
    Map<DataFlow, List<Agreement>> agreements(List<DataFlow> dataFlows) {
        return byParent(dataFlows, DataFlow::id, policies.agreementsOf(ids(dataFlows, DataFlow::id)), List.of());
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

    @BatchMapping(typeName = "Policy", field = "retraction")
    Map<Policy, Retraction> policyRetraction(List<Policy> list) {
        var retracted = list.stream().filter(Policy::retracted).toList();
        return byParent(list, Policy::id, policies.policyRetractions(ids(retracted, Policy::id)), null);
    }

    @BatchMapping(typeName = "Agreement", field = "evidence")
    Map<Agreement, List<Evidence>> agreementEvidence(List<Agreement> list) {
        return byParent(list, Agreement::id, evidence.forAgreements(ids(list, Agreement::id)), List.of());
    }

    @BatchMapping(typeName = "Agreement")
    Map<Agreement, List<DataFlow>> covers(List<Agreement> list) {
        return byParent(list, Agreement::id, flows.coveredBy(ids(list, Agreement::id)), List.of());
    }

    @BatchMapping(typeName = "Agreement", field = "retraction")
    Map<Agreement, Retraction> agreementRetraction(List<Agreement> list) {
        var retracted = list.stream().filter(Agreement::retracted).toList();
        return byParent(list, Agreement::id, policies.agreementRetractions(ids(retracted, Agreement::id)), null);
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
