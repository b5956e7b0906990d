package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** Something that happened: a ruling, an investigation, a confirmation. A retracted one is kept, marked. */
public record Event(
        String id,
        String title,
        @Nullable String date,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {}
