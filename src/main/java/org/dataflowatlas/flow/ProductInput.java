package org.dataflowatlas.flow;

import org.jspecify.annotations.Nullable;

/** The product a flow goes through: an existing one by id, or a new one (then with a name). */
public record ProductInput(
        String id,
        @Nullable String name,
        @Nullable String description,
        @Nullable String offeredBy) {}
