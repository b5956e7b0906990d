package org.dataflowatlas.flow;

import org.jspecify.annotations.Nullable;

/**
 * One organization passing data to another. Ends ({@code from}, {@code to}) are ids, resolved in
 * batches. A retracted flow stays in the graph, marked, with the reason and its evidence.
 */
public record DataFlow(
        String id,
        String fromId,
        String toId,
        Purpose purpose,
        AccessMethod accessMethod,
        boolean realTime,
        @Nullable String since,
        @Nullable String until,
        Confidence confidence,
        @Nullable String description,
        boolean retracted,
        @Nullable String retractionReason) {}
