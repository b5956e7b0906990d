package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A product or channel data passes through. */
public record Product(String id, String name, @Nullable String description, List<Inference> inferences) {}
