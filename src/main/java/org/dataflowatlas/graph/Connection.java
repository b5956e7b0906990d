package org.dataflowatlas.graph;

import java.util.List;

/** A Relay cursor connection: one page of a stable, id-ordered listing, and how many there are in all. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, int totalCount) {

    /** One item and the cursor that resumes the listing after it. */
    public record Edge<T>(String cursor, T node) {}

    public record PageInfo(
            boolean hasNextPage,
            boolean hasPreviousPage,
            @org.jspecify.annotations.Nullable String startCursor,
            @org.jspecify.annotations.Nullable String endCursor) {}
}
