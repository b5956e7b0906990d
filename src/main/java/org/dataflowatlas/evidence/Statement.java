package org.dataflowatlas.evidence;

import org.jspecify.annotations.Nullable;

/** What a person or organization said, as reported in a source. A retracted one is kept, marked. */
public record Statement(
        String id,
        String text,
        @Nullable String date,
        boolean paraphrase,
        @Nullable String description,
        boolean retracted) {}
