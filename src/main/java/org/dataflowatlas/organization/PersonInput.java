package org.dataflowatlas.organization;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** What upsertPerson writes: the id and name always; other fields when given. */
public record PersonInput(
        String id,
        String name,
        @Nullable List<String> aliases,
        @Nullable String description) {}
