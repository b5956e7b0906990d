package org.dataflowatlas.organization;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.audit.AuditTrail;
import org.dataflowatlas.evidence.EvidenceChecks;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.Retractions;
import org.dataflowatlas.evidence.Retractions.RelationshipFact;
import org.dataflowatlas.graph.Existence;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Texts;
import org.dataflowatlas.graph.WriteTransaction;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * People and who belongs to or controls whom: roles, ownership, agencies part of agencies. Reads in
 * read transactions; writes check everything first (ids, texts, dates, evidence, that every id
 * exists), then write and audit in one write transaction. Organization ids go through
 * {@link OrganizationService#canonicalIds}, so the id of a merged organization still works.
 */
@Service
@Transactional(readOnly = true)
public class AffiliationService {

    private final AffiliationRepository repository;
    private final AffiliationWrites writes;
    private final OrganizationService organizations;
    private final EvidenceChecks evidenceChecks;
    private final Existence existence;
    private final Retractions retractions;
    private final AuditTrail audit;

    AffiliationService(
            AffiliationRepository repository,
            AffiliationWrites writes,
            OrganizationService organizations,
            EvidenceChecks evidenceChecks,
            Existence existence,
            Retractions retractions,
            AuditTrail audit) {
        this.repository = repository;
        this.writes = writes;
        this.organizations = organizations;
        this.evidenceChecks = evidenceChecks;
        this.existence = existence;
        this.retractions = retractions;
        this.audit = audit;
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(repository.people(List.of(id)).get(id));
    }

    Map<String, List<Role>> rolesOfPeople(Collection<String> personIds) {
        return repository.rolesOfPeople(personIds);
    }

    Map<String, List<Role>> rolesAt(Collection<String> organizationIds) {
        return repository.rolesAt(organizationIds);
    }

    Map<String, List<Ownership>> owners(Collection<String> organizationIds) {
        return repository.owners(organizationIds);
    }

    Map<String, List<Ownership>> ownedByOrganizations(Collection<String> organizationIds) {
        return repository.ownedByOrganizations(organizationIds);
    }

    Map<String, List<Ownership>> ownedByPeople(Collection<String> personIds) {
        return repository.ownedByPeople(personIds);
    }

    Map<String, List<PartOf>> partOf(Collection<String> organizationIds) {
        return repository.partOf(organizationIds);
    }

    Map<String, List<PartOf>> parts(Collection<String> organizationIds) {
        return repository.parts(organizationIds);
    }

    @WriteTransaction
    public Person upsertPerson(PersonInput input) {
        var parameters = new HashMap<String, @Nullable Object>();
        parameters.put("id", Ids.checkSlug("input.id", input.id()));
        parameters.put("name", Texts.required("input.name", input.name(), 300));
        parameters.put("aliases", aliases(input.aliases()));
        parameters.put("description", Texts.optional("input.description", input.description(), 5_000));
        var person = writes.upsertPerson(parameters);
        audit.record("upsertPerson", List.of(person.id()), null);
        return person;
    }

    // Roles

    @WriteTransaction
    public Role recordRole(RoleInput input) {
        var person = Ids.checkSlug("input.person", input.person());
        var organization = organization("input.organization", input.organization());
        var title = Texts.required("input.title", input.title(), 300);
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        existence.requireAll(Map.of("Person", List.of(person), "Organization", List.of(organization)));
        var existing = repository.role(person, organization, title).filter(role -> !role.retracted());
        checkPeriod(input.since(), input.until(), existing.map(Role::since), existing.map(Role::until), "a role");
        writes.recordRole(person, organization, title, text(input.since()), text(input.until()), evidence);
        audit.record("recordRole", EvidenceChecks.touched(person, evidence, organization), title);
        return repository.role(person, organization, title).orElseThrow();
    }

    @WriteTransaction
    public Role endRole(
            String person, String organization, String title, PartialDate until, List<EvidenceInput> evidence) {
        Ids.checkSlug("person", person);
        var org = organization("organization", organization);
        var name = Texts.required("title", title, 300);
        var items = evidenceChecks.check("evidence", evidence);
        var existing = repository
                .role(person, org, name)
                .filter(role -> !role.retracted())
                .orElseThrow(() -> noRole(person, org, name));
        PartialDate.requireOrder(date(existing.since()), until, "the role's since", "until", "a role");
        writes.end(RelationshipFact.ROLE, person, org, Map.of("title", name), until.text(), items);
        audit.record("endRole", EvidenceChecks.touched(person, items, org), name + ", until " + until.text());
        return repository.role(person, org, name).orElseThrow();
    }

    @WriteTransaction
    public Role retractRole(
            String person, String organization, String title, String reason, List<EvidenceInput> evidence) {
        Ids.checkSlug("person", person);
        var org = organization("organization", organization);
        var name = Texts.required("title", title, 300);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        if (!retractions.retractRelationship(RelationshipFact.ROLE, person, org, Map.of("title", name), why, items)) {
            throw noRole(person, org, name);
        }
        audit.record("retractRole", EvidenceChecks.touched(person, items, org), name + ": " + why);
        return repository.role(person, org, name).orElseThrow();
    }

    private static NotFoundException noRole(String person, String organization, String title) {
        return new NotFoundException("No role '" + Texts.abbreviate(title) + "' of person '" + person + "' at '"
                + organization + "'. List the person's roles with person(id: \"" + person + "\") { roles { title } }.");
    }

    // Ownership

    @WriteTransaction
    public Ownership recordOwnership(OwnershipInput input) {
        var owned = organization("input.owned", input.owned());
        var ownerId = ownerId("input.owner", input.owner());
        if (ownerId.equals(owned)) {
            throw new InvalidInputException(
                    "input.owner and input.owned are both '" + owned + "': an organization cannot own itself.");
        }
        var share = input.share();
        if (share != null && (share.isNaN() || share <= 0 || share > 100)) {
            throw new InvalidInputException("input.share (" + share + ") must be a percentage above 0 and at most 100;"
                    + " leave it out when the evidence gives no share.");
        }
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        existence.requireAll(Map.of("Organization", List.of(owned)));
        var fact = ownerFact("input.owner", ownerId);
        var existing = repository.ownership(fact, ownerId, owned).filter(o -> !o.retracted());
        checkPeriod(
                input.since(),
                input.until(),
                existing.map(Ownership::since),
                existing.map(Ownership::until),
                "an ownership");
        writes.recordOwnership(
                fact, ownerId, owned, text(input.since()), text(input.until()), share, input.former(), evidence);
        audit.record("recordOwnership", EvidenceChecks.touched(ownerId, evidence, owned), null);
        return repository.ownership(fact, ownerId, owned).orElseThrow();
    }

    @WriteTransaction
    public Ownership endOwnership(String owner, String owned, PartialDate until, List<EvidenceInput> evidence) {
        var ownedId = organization("owned", owned);
        var ownerId = ownerId("owner", owner);
        var items = evidenceChecks.check("evidence", evidence);
        var fact = ownerFact("owner", ownerId);
        var existing = repository
                .ownership(fact, ownerId, ownedId)
                .filter(o -> !o.retracted())
                .orElseThrow(() -> noOwnership(ownerId, ownedId));
        PartialDate.requireOrder(date(existing.since()), until, "the ownership's since", "until", "an ownership");
        writes.end(fact, ownerId, ownedId, Map.of(), until.text(), items);
        audit.record("endOwnership", EvidenceChecks.touched(ownerId, items, ownedId), "until " + until.text());
        return repository.ownership(fact, ownerId, ownedId).orElseThrow();
    }

    @WriteTransaction
    public Ownership retractOwnership(String owner, String owned, String reason, List<EvidenceInput> evidence) {
        var ownedId = organization("owned", owned);
        var ownerId = ownerId("owner", owner);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        var fact = ownerFact("owner", ownerId);
        if (!retractions.retractRelationship(fact, ownerId, ownedId, Map.of(), why, items)) {
            throw noOwnership(ownerId, ownedId);
        }
        audit.record("retractOwnership", EvidenceChecks.touched(ownerId, items, ownedId), why);
        return repository.ownership(fact, ownerId, ownedId).orElseThrow();
    }

    private static NotFoundException noOwnership(String owner, String owned) {
        return new NotFoundException("No ownership of '" + owned + "' by '" + owner + "'. List its owners with"
                + " organization(id: \"" + owned + "\") { owners { owner { __typename } } }.");
    }

    private String ownerId(String field, String owner) {
        Ids.checkSlug(field, owner);
        return organizations.canonicalId(owner);
    }

    /** OWNS from a Person or from an Organization: the owner's label decides which. */
    private RelationshipFact ownerFact(String field, String ownerId) {
        var label = existence
                .requireOneLabel(field, List.of(ownerId), List.of("Person", "Organization"))
                .get(ownerId);
        return "Person".equals(label) ? RelationshipFact.OWNS_BY_PERSON : RelationshipFact.OWNS;
    }

    // Agencies part of agencies

    @WriteTransaction
    public PartOf recordPartOf(PartOfInput input) {
        var agency = organization("input.agency", input.agency());
        var parent = organization("input.parent", input.parent());
        if (agency.equals(parent)) {
            throw new InvalidInputException(
                    "input.agency and input.parent are both '" + agency + "': an agency cannot be part of itself.");
        }
        var evidence = evidenceChecks.check("input.evidence", input.evidence());
        requireAgencies(Map.of("input.agency", agency, "input.parent", parent));
        if (writes.wouldLoop(agency, parent)) {
            throw new InvalidInputException("input.parent '" + parent + "' is already part of '" + agency
                    + "' (directly or through other agencies): the link would make '" + agency + "' part of itself."
                    + " Retract the wrong link first (retractPartOf).");
        }
        var existing = repository.partOf(agency, parent).filter(p -> !p.retracted());
        checkPeriod(
                input.since(),
                input.until(),
                existing.map(PartOf::since),
                existing.map(PartOf::until),
                "a part-of link");
        writes.recordPartOf(agency, parent, text(input.since()), text(input.until()), evidence);
        audit.record("recordPartOf", EvidenceChecks.touched(agency, evidence, parent), null);
        return repository.partOf(agency, parent).orElseThrow();
    }

    @WriteTransaction
    public PartOf endPartOf(String agency, String parent, PartialDate until, List<EvidenceInput> evidence) {
        var from = organization("agency", agency);
        var to = organization("parent", parent);
        var items = evidenceChecks.check("evidence", evidence);
        var existing = repository.partOf(from, to).filter(p -> !p.retracted()).orElseThrow(() -> noPartOf(from, to));
        PartialDate.requireOrder(date(existing.since()), until, "the link's since", "until", "a part-of link");
        writes.end(RelationshipFact.PART_OF, from, to, Map.of(), until.text(), items);
        audit.record("endPartOf", EvidenceChecks.touched(from, items, to), "until " + until.text());
        return repository.partOf(from, to).orElseThrow();
    }

    @WriteTransaction
    public PartOf retractPartOf(String agency, String parent, String reason, List<EvidenceInput> evidence) {
        var from = organization("agency", agency);
        var to = organization("parent", parent);
        var why = Texts.required("reason", reason, 5_000);
        var items = evidenceChecks.check("evidence", evidence);
        if (!retractions.retractRelationship(RelationshipFact.PART_OF, from, to, Map.of(), why, items)) {
            throw noPartOf(from, to);
        }
        audit.record("retractPartOf", EvidenceChecks.touched(from, items, to), why);
        return repository.partOf(from, to).orElseThrow();
    }

    private static NotFoundException noPartOf(String agency, String parent) {
        return new NotFoundException("No record that '" + agency + "' is part of '" + parent
                + "'. List what it is part of with organization(id: \"" + agency + "\") { partOf { parent { id } } }.");
    }

    private void requireAgencies(Map<String, String> idsByField) {
        var found = organizations.findAll(idsByField.values());
        var missing = idsByField.values().stream()
                .filter(id -> !found.containsKey(id))
                .sorted()
                .toList();
        if (!missing.isEmpty()) {
            throw new NotFoundException("No Organization " + String.join(", ", missing)
                    + ". Create them first (upsertOrganization) or correct the ids.");
        }
        idsByField.forEach((field, id) -> {
            var kind = found.get(id).kind();
            if (kind != OrgKind.AGENCY) {
                throw new InvalidInputException(
                        field + " '" + id + "' is " + (kind == null ? "of no kind" : kind.name())
                                + ", not an AGENCY: part-of links join agencies. If it is one, set its kind first"
                                + " (upsertOrganization with kind: AGENCY).");
            }
        });
    }

    // Helpers

    private String organization(String field, String id) {
        Ids.checkSlug(field, id);
        return organizations.canonicalId(id);
    }

    /** The period the fact will have (given dates, else the recorded ones) must not end before it starts. */
    private static void checkPeriod(
            @Nullable PartialDate since,
            @Nullable PartialDate until,
            Optional<String> recordedSince,
            Optional<String> recordedUntil,
            String what) {
        var start = since != null ? since : date(recordedSince.orElse(null));
        var end = until != null ? until : date(recordedUntil.orElse(null));
        PartialDate.requireOrder(
                start,
                end,
                since != null ? "input.since" : "the recorded since",
                until != null ? "input.until" : "the recorded until",
                what);
    }

    private static @Nullable PartialDate date(@Nullable String text) {
        return text == null ? null : PartialDate.parse(text);
    }

    private static @Nullable String text(@Nullable PartialDate date) {
        return date == null ? null : date.text();
    }

    static @Nullable List<String> aliases(@Nullable List<String> aliases) {
        if (aliases == null) {
            return null;
        }
        var checked = new ArrayList<String>();
        for (int i = 0; i < aliases.size(); i++) {
            checked.add(Texts.required("input.aliases[" + i + "]", aliases.get(i), 300));
        }
        return checked;
    }
}
