package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.InferenceInput;
import org.jspecify.annotations.Nullable;

/** What upsertOrganization writes: the id and name always; other fields when given (absent ones are kept). */
public record OrganizationInput(
        String id,
        String name,
        @Nullable OrgKind kind,
        @Nullable List<String> aliases,
        @Nullable String country,
        @Nullable Jurisdiction jurisdiction,
        @Nullable String description,
        @Nullable Boolean group,
        @Nullable String estimatedSize,
        @Nullable List<InferenceInput> inferences) {}
