package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** Something that happened: a ruling, an investigation, a confirmation. */
public record Event(
        String id,
        String title,
        @Nullable String date,
        @Nullable String description,
        List<Inference> inferences) {}
