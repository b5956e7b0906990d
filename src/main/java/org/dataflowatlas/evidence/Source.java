package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.jspecify.annotations.Nullable;

/** A document, report, filing or dataset that facts rest on. */
public record Source(
        String id,
        String title,
        SourceKind kind,
        @Nullable String url,
        @Nullable String published,
        @Nullable String description,
        @Nullable String text,
        List<Inference> inferences) {}
