package org.dataflowatlas.organization;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A person who owns, works for or speaks for an organization. */
public record Person(
        String id,
        String name,
        List<String> aliases,
        @Nullable String description,
        List<Inference> inferences) {}
