package org.dataflowatlas.organization;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** People, roles, ownership and agency structure; each list field loads in one batch per level. */
@Controller
class AffiliationController {

    private final AffiliationService affiliations;

    AffiliationController(AffiliationService affiliations) {
        this.affiliations = affiliations;
    }

    @QueryMapping
    @Nullable
    Person person(@Argument String id) {
        return affiliations.person(Ids.checkSlug("id", id)).orElse(null);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Person upsertPerson(@Argument PersonInput input) {
        return affiliations.upsertPerson(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Role recordRole(@Argument RoleInput input) {
        return affiliations.recordRole(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Role endRole(
            @Argument String person,
            @Argument String organization,
            @Argument String title,
            @Argument PartialDate until,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.endRole(person, organization, title, until, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Role retractRole(
            @Argument String person,
            @Argument String organization,
            @Argument String title,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.retractRole(person, organization, title, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Ownership recordOwnership(@Argument OwnershipInput input) {
        return affiliations.recordOwnership(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Ownership endOwnership(
            @Argument String owner,
            @Argument String owned,
            @Argument PartialDate until,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.endOwnership(owner, owned, until, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Ownership retractOwnership(
            @Argument String owner,
            @Argument String owned,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.retractOwnership(owner, owned, reason, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    PartOf recordPartOf(@Argument PartOfInput input) {
        return affiliations.recordPartOf(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    PartOf endPartOf(
            @Argument String agency,
            @Argument String parent,
            @Argument PartialDate until,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.endPartOf(agency, parent, until, evidence);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    PartOf retractPartOf(
            @Argument String agency,
            @Argument String parent,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return affiliations.retractPartOf(agency, parent, reason, evidence);
    }

    @BatchMapping(typeName = "Person", field = "roles")
    Map<Person, List<Role>> rolesOfPeople(List<Person> people) {
        return byParent(people, Person::id, affiliations.rolesOfPeople(ids(people, Person::id)), List.of());
    }

    @BatchMapping(typeName = "Person", field = "owns")
    Map<Person, List<Ownership>> ownedByPeople(List<Person> people) {
        return byParent(people, Person::id, affiliations.ownedByPeople(ids(people, Person::id)), List.of());
    }

    @BatchMapping(typeName = "Organization", field = "roles")
    Map<Organization, List<Role>> rolesAt(List<Organization> list) {
        return byParent(list, Organization::id, affiliations.rolesAt(ids(list, Organization::id)), List.of());
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<Ownership>> owners(List<Organization> list) {
        return byParent(list, Organization::id, affiliations.owners(ids(list, Organization::id)), List.of());
    }

    @BatchMapping(typeName = "Organization", field = "owns")
    Map<Organization, List<Ownership>> ownedByOrganizations(List<Organization> list) {
        return byParent(
                list, Organization::id, affiliations.ownedByOrganizations(ids(list, Organization::id)), List.of());
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<PartOf>> partOf(List<Organization> list) {
        return byParent(list, Organization::id, affiliations.partOf(ids(list, Organization::id)), List.of());
    }

    @BatchMapping(typeName = "Organization")
    Map<Organization, List<PartOf>> parts(List<Organization> list) {
        return byParent(list, Organization::id, affiliations.parts(ids(list, Organization::id)), List.of());
    }
}
