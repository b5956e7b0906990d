package org.dataflowatlas.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.dataflowatlas.trace.FlowPath;
import org.dataflowatlas.trace.TraceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Policies and agreements, and where flows break the policies their data came under. Read transactions. */
@Service
@Transactional(readOnly = true)
public class PolicyService {

    private final PolicyRepository repository;
    private final OrganizationService organizations;
    private final TraceService traces;

    PolicyService(PolicyRepository repository, OrganizationService organizations, TraceService traces) {
        this.repository = repository;
        this.organizations = organizations;
        this.traces = traces;
    }

    /**
     * Walks the LINEAGE paths from each platform that publishes a policy prohibiting a purpose, and
     * reports every flow on them whose purpose a policy of that platform prohibits, with the
     * shortest path to it and whether an agreement of the platform covering a flow of that path
     * approves the use.
     */
    public List<PolicyConflict> conflicts(@Nullable String platform, @Nullable PartialDate activeOn, int maxHops) {
        TraceService.checkHops("maxHops", maxHops);
        if (platform != null) {
            Ids.checkSlug("platform", platform);
            if (organizations.findAll(List.of(platform)).isEmpty()) {
                throw new NotFoundException("platform: no organization '" + platform
                        + "'. Leave platform out to check every platform that publishes a policy.");
            }
        }
        var conflicts = new ArrayList<PolicyConflict>();
        for (var candidate : repository.conflictPlatforms(platform)) {
            var paths = traces.lineagePaths(candidate.platformId(), activeOn, maxHops);
            for (var policy : candidate.policies()) {
                // Paths come shortest first, then by flow ids: the first path to an offending flow is its shortest.
                var shortest = new TreeMap<String, FlowPath>();
                for (var path : paths) {
                    var offending = path.flows().getLast();
                    if (policy.prohibited().contains(offending.purpose())) {
                        shortest.putIfAbsent(offending.id(), path);
                    }
                }
                shortest.forEach((flowId, path) -> conflicts.add(
                        conflict(candidate, policy.id(), path.flows().getLast().purpose(), path)));
            }
        }
        return conflicts;
    }

    private static PolicyConflict conflict(
            PolicyRepository.ConflictPlatform candidate, String policyId, Purpose purpose, FlowPath path) {
        var flowIds = Set.copyOf(path.flowIds());
        var agreements = candidate.agreements().stream()
                .filter(agreement -> agreement.covers().stream().anyMatch(flowIds::contains))
                .toList();
        Approval approval;
        if (agreements.stream()
                .anyMatch(agreement ->
                        agreement.approved() != null && agreement.approved().contains(purpose))) {
            approval = Approval.APPROVED;
        } else if (agreements.stream().anyMatch(agreement -> agreement.approved() != null)) {
            approval = Approval.NOT_APPROVED;
        } else {
            approval = Approval.UNKNOWN;
        }
        return new PolicyConflict(
                candidate.platformId(),
                policyId,
                path.flows().getLast().id(),
                purpose,
                path,
                approval,
                agreements.stream().map(PolicyRepository.AgreementCover::id).toList());
    }

    Map<String, Policy> policies(Collection<String> ids) {
        return repository.policies(ids);
    }

    Map<String, Agreement> agreements(Collection<String> ids) {
        return repository.agreements(ids);
    }

    Map<String, Organization> publishers(Collection<String> policyIds) {
        return repository.publishers(policyIds);
    }

    Map<String, List<Organization>> parties(Collection<String> agreementIds) {
        return repository.parties(agreementIds);
    }

    Map<String, List<Policy>> policiesOf(Collection<String> organizationIds) {
        return repository.policiesOf(organizationIds);
    }
}
