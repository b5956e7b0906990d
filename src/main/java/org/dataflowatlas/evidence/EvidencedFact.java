package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A fact a source supports (a flow, event or policy), with the supporting passage. */
public record EvidencedFact(Object fact, @Nullable String quote, List<Inference> inferences) {}
