package org.dataflowatlas.flow;

import java.util.List;
import org.dataflowatlas.graph.Inference;
import org.dataflowatlas.organization.Organization;
import org.jspecify.annotations.Nullable;

/**
 * One organization passing data to another. A retracted flow stays in the graph, marked, with the
 * reason and its evidence. The ends are always known by id ({@code fromId}, {@code toId}); statements
 * that match the end nodes anyway bring them along ({@code sender}, {@code recipient}), so GraphQL's
 * {@code from} and {@code to} need no further statement for those flows.
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
        @Nullable String retractionReason,
        @Nullable Organization sender,
        @Nullable Organization recipient,
        List<Inference> inferences) {

    /**
     * By id: equal flows have equal ids, and GraphQL batch mappings hash flows as map keys, which
     * would otherwise hash both end organizations too.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
