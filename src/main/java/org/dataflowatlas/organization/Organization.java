package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** An organization as the API shows it. */
public record Organization(
        String id,
        String name,
        @Nullable OrgKind kind,
        List<String> aliases,
        @Nullable String country,
        @Nullable String jurisdiction,
        List<String> jurisdictions,
        @Nullable String description,
        boolean group,
        @Nullable String estimatedSize,
        List<Inference> inferences) {}
