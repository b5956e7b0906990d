package org.dataflowatlas.evidence;

import java.util.List;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** What addSource writes. */
public record SourceInput(
        String id,
        String title,
        SourceKind kind,
        @Nullable String url,
        @Nullable PartialDate published,
        @Nullable String description,
        @Nullable String publishedBy,
        @Nullable List<String> cites) {}
