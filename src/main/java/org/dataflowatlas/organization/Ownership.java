package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.jspecify.annotations.Nullable;

/**
 * A share a person or organization holds or held in an organization; one per owner and owned.
 * {@code owner} is a {@link Person} or an {@link Organization}; {@code share} is in percent.
 */
public record Ownership(
        Object owner,
        Organization owned,
        @Nullable String since,
        @Nullable String until,
        @Nullable Double share,
        boolean former,
        List<Evidence> evidence,
        boolean retracted,
        @Nullable Retraction retraction) {}
