package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A kind of data; {@code origin} is the id of the organization whose users or sensors produced it. */
public record DataCategory(
        String id,
        String name,
        @Nullable String origin,
        @Nullable String description,
        List<Inference> inferences) {}
