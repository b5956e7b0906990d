package org.dataflowatlas.evidence;

import org.jspecify.annotations.Nullable;

/** Something that happened: a ruling, an investigation, a confirmation. */
public record Event(
        String id,
        String title,
        @Nullable String date,
        @Nullable String description) {}
