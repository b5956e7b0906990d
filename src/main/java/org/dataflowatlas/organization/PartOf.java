package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.evidence.Evidence;
import org.dataflowatlas.evidence.Retraction;
import org.jspecify.annotations.Nullable;

/** An agency being part of another. */
public record PartOf(
        Organization agency,
        Organization parent,
        @Nullable String since,
        @Nullable String until,
        List<Evidence> evidence,
        boolean retracted,
        @Nullable Retraction retraction) {}
