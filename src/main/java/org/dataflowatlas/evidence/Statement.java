package org.dataflowatlas.evidence;

import org.jspecify.annotations.Nullable;

/** What a person or organization said, as reported in a source. */
public record Statement(
        String id,
        String text,
        @Nullable String date,
        boolean paraphrase,
        @Nullable String description) {}
