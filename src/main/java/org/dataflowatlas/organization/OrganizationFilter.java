package org.dataflowatlas.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** Narrows an organization listing; every given criterion must hold. */
public record OrganizationFilter(
        @Nullable List<OrgKind> kinds,
        @Nullable List<Jurisdiction> jurisdictions,
        @Nullable List<String> countries,
        @Nullable String text,
        @Nullable Boolean group) {}
