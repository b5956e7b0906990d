package org.dataflowatlas.graph;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;
import org.dataflowatlas.InvalidInputException;
import org.jspecify.annotations.Nullable;

/**
 * Cursor paging over id-ordered listings. A cursor is the opaque (base64) id of the last item
 * seen, so pages stay stable while the graph grows.
 */
public final class Paging {

    public static final int MAX_FIRST = 100;
    private static final String PREFIX = "id:";

    private Paging() {}

    public static int checkFirst(int first) {
        if (first < 1 || first > MAX_FIRST) {
            throw new InvalidInputException(
                    "first must be between 1 and " + MAX_FIRST + " (got " + first + "); page with `after` for more.");
        }
        return first;
    }

    /** The id after which the page starts, or null for the first page. */
    public static @Nullable String afterId(@Nullable String after) {
        if (after == null || after.isEmpty()) {
            return null;
        }
        try {
            var decoded = new String(Base64.getUrlDecoder().decode(after), StandardCharsets.UTF_8);
            if (decoded.startsWith(PREFIX)) {
                return decoded.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw new InvalidInputException("after is not a cursor from this API: pass the endCursor of the previous page,"
                + " or leave it out for the first page.");
    }

    public static String cursor(String id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Builds the connection from up to first + 1 fetched items (the extra one tells whether there is a next page). */
    public static <T> Connection<T> connection(
            List<T> fetched, int first, int totalCount, boolean afterGiven, Function<T, String> id) {
        var page = fetched.size() > first ? fetched.subList(0, first) : fetched;
        var edges = page.stream()
                .map(item -> new Connection.Edge<>(cursor(id.apply(item)), item))
                .toList();
        return new Connection<>(
                edges,
                new Connection.PageInfo(
                        fetched.size() > first,
                        afterGiven,
                        edges.isEmpty() ? null : edges.getFirst().cursor(),
                        edges.isEmpty() ? null : edges.getLast().cursor()),
                totalCount);
    }
}
