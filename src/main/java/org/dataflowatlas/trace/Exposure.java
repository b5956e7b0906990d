package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.flow.Product;
import org.dataflowatlas.organization.Jurisdiction;
import org.dataflowatlas.organization.OrgKind;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/** How far a platform's data reaches into government, and through whom. */
public record Exposure(
        Organization platform,
        @Nullable String activeOn,
        int agencies,
        List<JurisdictionExposure> byJurisdiction,
        List<KindExposure> byKind,
        List<Organization> vendors,
        List<Product> products,
        boolean truncated,
        int undatedLeftOut) {

    /** Agencies reached at one level of government; a group (e.g. "dozens" of police customers) is listed in groups. */
    public record JurisdictionExposure(
            @Nullable Jurisdiction jurisdiction,
            int agencies,
            List<Organization> groups,
            List<Organization> vendors,
            List<Product> products) {}

    /** Organizations reached, of one kind. */
    public record KindExposure(@Nullable OrgKind kind, int organizations) {}
}
