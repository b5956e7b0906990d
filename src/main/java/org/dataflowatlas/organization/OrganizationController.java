package org.dataflowatlas.organization;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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
        return organizations.find(id).orElse(null);
    }
}
