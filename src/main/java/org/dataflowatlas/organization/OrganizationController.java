package org.dataflowatlas.organization;

import org.dataflowatlas.graph.Connection;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.graph.Retries;
import org.dataflowatlas.security.Editors;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class OrganizationController {

    private final OrganizationService organizations;

    OrganizationController(OrganizationService organizations) {
        this.organizations = organizations;
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
        return Retries.onTransientErrors(() -> organizations.upsert(input));
    }
}
