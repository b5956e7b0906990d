package org.dataflowatlas.policy;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.FlowPredicates;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.dataflowatlas.trace.TraceQueries;
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

    PolicyService(PolicyRepository repository, OrganizationService organizations) {
        this.repository = repository;
        this.organizations = organizations;
    }

    /** The statement {@link #conflicts} runs, after the checks that need no database. */
    public static TraceService.TraceStatement conflictsStatement(
            @Nullable String platform, @Nullable PartialDate activeOn, int maxHops) {
        TraceService.checkHops("maxHops", maxHops);
        if (platform != null) {
            Ids.checkSlug("platform", platform);
        }
        var parameters = new HashMap<String, @Nullable Object>(FlowPredicates.activeOnParameters(activeOn));
        parameters.put("confidences", Confidence.atLeast(null));
        parameters.put("platform", platform);
        return new TraceService.TraceStatement(TraceQueries.conflicts(maxHops), parameters);
    }

    public List<PolicyConflict> conflicts(@Nullable String platform, @Nullable PartialDate activeOn, int maxHops) {
        var statement = conflictsStatement(platform, activeOn, maxHops);
        if (platform != null && organizations.findAll(List.of(platform)).isEmpty()) {
            throw new NotFoundException("platform: no organization '" + platform
                    + "'. Leave platform out to check every platform that publishes a policy.");
        }
        return repository.conflicts(statement);
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
