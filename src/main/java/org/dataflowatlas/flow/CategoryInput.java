package org.dataflowatlas.flow;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A category a flow carries: an existing one by id, or a new one (then with a name). */
public record CategoryInput(
        String id,
        @Nullable String name,
        @Nullable String origin,
        @Nullable String description,
        @Nullable List<String> derivedFrom) {}
