package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A source and the passage of it that supports a fact. */
public record Evidence(Source source, @Nullable String quote, List<Inference> inferences) {}
