package org.dataflowatlas.organization;

import static org.dataflowatlas.graph.Batches.byParent;
import static org.dataflowatlas.graph.Batches.ids;

import java.util.List;
import java.util.Map;
import org.dataflowatlas.evidence.EvidenceInput;
import org.dataflowatlas.evidence.Source;
import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

    private final OrganizationService organizations;
    private final MergeService merges;

    OrganizationController(OrganizationService organizations, MergeService merges) {
        this.organizations = organizations;
        this.merges = merges;
    }

    @QueryMapping
    @Nullable
    Organization organization(@Argument String id) {
        return organizations.find(Ids.checkSlug("id", id)).orElse(null);
    }

    @QueryMapping
    Connection<Organization> organizations(
            @Argument @Nullable OrganizationFilter filter, @Argument int first, @Argument @Nullable String after) {
        return organizations.list(filter, first, after);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Organization upsertOrganization(@Argument OrganizationInput input) {
        return organizations.upsert(input);
    }

    @MutationMapping
    @PreAuthorize(Editors.ONLY)
    Organization mergeOrganizations(
            @Argument String keep,
            @Argument String duplicate,
            @Argument String reason,
            @Argument List<EvidenceInput> evidence) {
        return merges.merge(keep, duplicate, reason, evidence);
    }

    /** Who published a source: an organization, so it is answered here rather than by evidence. */
    @BatchMapping(typeName = "Source")
    Map<Source, Organization> publisher(List<Source> sources) {
        return byParent(sources, Source::id, organizations.publishers(ids(sources, Source::id)), null);
    }

    @BatchMapping
    Map<Organization, List<String>> mergedIds(List<Organization> list) {
        return byParent(list, Organization::id, organizations.mergedIds(ids(list, Organization::id)), List.of());
    }
}
