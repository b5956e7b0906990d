package org.dataflowatlas.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.EvidenceChecks;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.Retraction;
import org.dataflowatlas.evidence.Retractions;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.dataflowatlas.organization.Organization;
import org.dataflowatlas.organization.OrganizationService;
import org.dataflowatlas.trace.FlowPath;
import org.dataflowatlas.trace.TraceRequest;
import org.dataflowatlas.trace.TraceService;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Policies and agreements, and where flows break the policies their data came under. Reads in read
 * transactions; writes check everything first, then write and audit in one write transaction.
 */
@Service
@Transactional(readOnly = true)
public class PolicyService {

    private final PolicyRepository repository;
    private final PolicyWrites writes;
    private final OrganizationService organizations;
    private final EvidenceChecks evidenceChecks;
    private final Existence existence;
    private final Retractions retractions;
    private final AuditTrail audit;
    private final TraceService traces;

    PolicyService(
            PolicyRepository repository,
            PolicyWrites writes,
            OrganizationService organizations,
            EvidenceChecks evidenceChecks,
            Existence existence,
            Retractions retractions,
            AuditTrail audit,
            TraceService traces) {
        this.repository = repository;
        this.writes = writes;
        this.organizations = organizations;
        this.evidenceChecks = evidenceChecks;
        this.existence = existence;
        this.retractions = retractions;
        this.audit = audit;
        this.traces = traces;
    }

    /**
     * Walks the LINEAGE paths from each platform that publishes a policy prohibiting a purpose, and
     * reports every flow on them whose purpose a policy of that platform prohibits, with the
     * shortest path to it and whether an agreement of the platform covering a flow of that path
     * approves the use. Retracted policies and agreements count for nothing; as known on a date or
     * recorded at an instant, policies, agreements and flows count as they did then.
     */
    public List<PolicyConflict> conflicts(
            @Nullable String platform, @Nullable PartialDate activeOn, AsOf asOf, int maxHops) {
        TraceRequest.checkHops("maxHops", maxHops);
        if (platform != null) {
            Ids.checkSlug("platform", platform);
            var found = organizations.findAll(List.of(platform)).get(platform);
            if (found == null) {
                throw new NotFoundException("platform: no organization '" + platform
                        + "'. Leave platform out to check every platform that publishes a policy.");
            }
            platform = found.id(); // the id an organization merged into this one had resolves to it
        }
        var conflicts = new ArrayList<PolicyConflict>();
        for (var candidate : repository.conflictPlatforms(platform, asOf)) {
            var paths = traces.lineagePaths(candidate.platformId(), activeOn, asOf, maxHops);
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

    public Optional<Policy> policy(String id) {
        return Optional.ofNullable(repository.policies(List.of(id)).get(id));
    }

    public Optional<Agreement> agreement(String id) {
        return Optional.ofNullable(repository.agreements(List.of(id)).get(id));
    }

    Map<String, Retraction> policyRetractions(Collection<String> ids) {
        return retractions.retractionsOf(Retractions.NodeFact.Policy, ids);
    }

    Map<String, Retraction> agreementRetractions(Collection<String> ids) {
        return retractions.retractionsOf(Retractions.NodeFact.Agreement, ids);
    }

    @WriteTransaction
    public Policy publish(PolicyInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        Ids.checkSlug("input.publisher", input.publisher());
        var publisher = organizations.canonicalId(input.publisher());
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("publisher", publisher);
        parameters.put("title", Texts.required("input.title", input.title(), 1_000));
        parameters.put("prohibitedPurposes", names(input.prohibitedPurposes()));
        parameters.put("exception", Texts.optional("input.exception", input.exception(), 5_000));
        parameters.put("effective", text(input.effective()));
        parameters.put("until", text(input.until()));
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        parameters.put("evidence", evidence);
        existence.requireAll(Map.of("Organization", List.of(publisher)));
        var existing = repository.policies(List.of(id)).get(id);
        writes.publisherOf(id).filter(other -> !other.equals(publisher)).ifPresent(other -> {
            throw new InvalidInputException("input.id '" + id + "' is already the policy of '" + other
                    + "'; choose another id for a policy of '" + publisher + "'.");
        });
        PartialDate.requireOrder(
                input.effective() != null ? input.effective() : date(existing == null ? null : existing.effective()),
                input.until() != null ? input.until() : date(existing == null ? null : existing.until()),
                "input.effective",
                "input.until",
                "a policy");
        var policy = writes.publish(parameters);
        audit.record("publishPolicy", EvidenceChecks.touched(id, evidence, publisher), null);
        return policy;
    }

    @WriteTransaction
    public Policy endPolicy(String id, PartialDate until, List<EvidenceInput> evidence) {
        var existing = requirePolicy(id);
        PartialDate.requireOrder(date(existing.effective()), until, "the policy's effective", "until", "a policy");
        var items = evidenceChecks.check("evidence", evidence);
        var policy = writes.endPolicy(id, until.text(), items);
        audit.record("endPolicy", EvidenceChecks.touched(id, items), "until " + until.text());
        return policy;
    }

    @WriteTransaction
    public Policy retractPolicy(String id, String reason, List<EvidenceInput> evidence) {
        requirePolicy(id);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var node = retractions
                .retractNode(Retractions.NodeFact.Policy, id, why, items)
                .orElseThrow();
        audit.record("retractPolicy", EvidenceChecks.touched(id, items), why);
        return Policy.of(node);
    }

    private Policy requirePolicy(String id) {
        Ids.checkSlug("id", id);
        var policy = repository.policies(List.of(id)).get(id);
        if (policy == null) {
            throw new NotFoundException(
                    "No policy '" + id + "'. Find it with organization(id: …) { policies { id } }.");
        }
        return policy;
    }

    @WriteTransaction
    public Agreement recordAgreement(AgreementInput input) {
        var id = Ids.checkSlug("input.id", input.id());
        var parties = new LinkedHashSet<String>();
        for (int i = 0; i < input.parties().size(); i++) {
            parties.add(
                    Ids.checkSlug("input.parties[" + i + "]", input.parties().get(i)));
        }
        var resolved = new LinkedHashSet<>(organizations.canonicalIds(parties).values());
        if (resolved.size() < 2) {
            throw new InvalidInputException("input.parties must name at least two different organizations"
                    + " (e.g. [\"x\", \"dataminr\"]): an agreement is between parties.");
        }
        var covers = input.covers() == null ? List.<String>of() : input.covers();
        for (int i = 0; i < covers.size(); i++) {
            Ids.checkSlug("input.covers[" + i + "]", covers.get(i));
        }
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", id);
        parameters.put("title", Texts.required("input.title", input.title(), 1_000));
        parameters.put("signed", text(input.signed()));
        parameters.put("expires", text(input.expires()));
        parameters.put("approvedPurposes", names(input.approvedPurposes()));
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        parameters.put("parties", List.copyOf(resolved));
        parameters.put("covers", List.copyOf(new LinkedHashSet<>(covers)));
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        parameters.put("evidence", evidence);
        existence.requireAll(Map.of("Organization", resolved, "DataFlow", new LinkedHashSet<>(covers)));
        var existing = repository.agreements(List.of(id)).get(id);
        PartialDate.requireOrder(
                input.signed() != null ? input.signed() : date(existing == null ? null : existing.signed()),
                input.expires() != null ? input.expires() : date(existing == null ? null : existing.expires()),
                "input.signed",
                "input.expires",
                "an agreement");
        var agreement = writes.recordAgreement(parameters);
        var touched = new ArrayList<String>(resolved);
        touched.addAll(covers);
        audit.record("recordAgreement", EvidenceChecks.touched(id, evidence, touched.toArray(String[]::new)), null);
        return agreement;
    }

    @WriteTransaction
    public Agreement endAgreement(String id, PartialDate expires, List<EvidenceInput> evidence) {
        var existing = requireAgreement(id);
        PartialDate.requireOrder(date(existing.signed()), expires, "the agreement's signed", "expires", "an agreement");
        var items = evidenceChecks.check("evidence", evidence);
        var agreement = writes.endAgreement(id, expires.text(), items);
        audit.record("endAgreement", EvidenceChecks.touched(id, items), "expires " + expires.text());
        return agreement;
    }

    @WriteTransaction
    public Agreement retractAgreement(String id, String reason, List<EvidenceInput> evidence) {
        requireAgreement(id);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var node = retractions
                .retractNode(Retractions.NodeFact.Agreement, id, why, items)
                .orElseThrow();
        audit.record("retractAgreement", EvidenceChecks.touched(id, items), why);
        return Agreement.of(node);
    }

    private Agreement requireAgreement(String id) {
        Ids.checkSlug("id", id);
        var agreement = repository.agreements(List.of(id)).get(id);
        if (agreement == null) {
            throw new NotFoundException("No agreement '" + id + "'. Find it with flow(id: …) { agreements { id } }"
                    + " or search(text: …).");
        }
        return agreement;
    }

    private static @Nullable PartialDate date(@Nullable String text) {
        return text == null ? null : PartialDate.parse(text);
    }

    private static @Nullable String text(@Nullable PartialDate date) {
        return date == null ? null : date.text();
    }

    private static @Nullable List<String> names(@Nullable List<? extends Enum<?>> values) {
        return values == null
                ? null
                : values.stream().map(Enum::name).distinct().toList();
    }

    Map<String, Policy> policies(Collection<String> ids) {
        return repository.policies(ids);
    }

    Map<String, List<Agreement>> agreementsOf(Collection<String> flowIds) {
        return repository.agreementsOf(flowIds);
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
