package org.dataflowatlas.search;

import org.dataflowatlas.evidence.Source;
import org.jspecify.annotations.Nullable;

/** One ranked match: the entity, and for a match in evidence, the quote and its source. */
public record SearchHit(
        double score,
        Object entity,
        @Nullable String quote,
        @Nullable Source source) {}
