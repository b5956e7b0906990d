package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** What a person or organization said, as reported in a source. A retracted one is kept, marked. */
public record Statement(
        String id,
        String text,
        @Nullable String date,
        boolean paraphrase,
        @Nullable String description,
        boolean retracted,
        List<Inference> inferences) {}
