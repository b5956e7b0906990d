package org.dataflowatlas.trace;

import java.util.List;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.PartialDate;
import org.dataflowatlas.flow.Confidence;
import org.dataflowatlas.flow.Purpose;
import org.dataflowatlas.graph.AsOf;
import org.dataflowatlas.graph.Ids;
import org.dataflowatlas.organization.OrgKind;
import org.jspecify.annotations.Nullable;

/**
 * The arguments of a trace, checked once when the request is made: a request that exists has a hop
 * count, limits and an origin id of the right form, so the walk and its callers never check again.
 * {@code originField} names the origin in error messages (exposure calls it {@code platform}). Made
 * with {@link #from(String)}; the defaults are the GraphQL ones.
 */
public record TraceRequest(
        String from,
        Direction direction,
        TraceMode mode,
        int maxHops,
        @Nullable PartialDate activeOn,
        @Nullable List<Purpose> purposes,
        @Nullable Confidence minConfidence,
        @Nullable List<String> categories,
        @Nullable List<OrgKind> toKinds,
        int limit,
        int maxPaths,
        AsOf asOf,
        String originField) {

    public TraceRequest {
        checkHops("maxHops", maxHops);
        checkRange("limit", limit, TraceService.MAX_LIMIT);
        checkRange("maxPaths", maxPaths, TraceService.MAX_PATHS);
        Ids.checkSlug(originField, from);
        purposes = purposes == null ? null : List.copyOf(purposes);
        categories = categories == null ? null : List.copyOf(categories);
        toKinds = toKinds == null ? null : List.copyOf(toKinds);
    }

    /** A request from this organization, with the defaults of the GraphQL {@code trace} field. */
    public static Builder from(String from) {
        return new Builder(from);
    }

    /** The same request from another origin (an id merged into another resolves to the kept one). */
    TraceRequest withFrom(String origin) {
        return new TraceRequest(
                origin,
                direction,
                mode,
                maxHops,
                activeOn,
                purposes,
                minConfidence,
                categories,
                toKinds,
                limit,
                maxPaths,
                asOf,
                originField);
    }

    /** The same request at other times. */
    public TraceRequest withAsOf(AsOf times) {
        return new TraceRequest(
                from,
                direction,
                mode,
                maxHops,
                activeOn,
                purposes,
                minConfidence,
                categories,
                toKinds,
                limit,
                maxPaths,
                times,
                originField);
    }

    public static void checkHops(String field, int maxHops) {
        if (maxHops < 1 || maxHops > TraceQueries.MAX_HOPS) {
            throw new InvalidInputException(
                    field + " must be between 1 and " + TraceQueries.MAX_HOPS + " (got " + maxHops
                            + "); longer chains explode combinatorially — narrow the question with activeOn, purposes or"
                            + " categories instead.");
        }
    }

    static void checkRange(String field, int value, int max) {
        if (value < 1 || value > max) {
            throw new InvalidInputException(field + " must be between 1 and " + max + " (got " + value + ").");
        }
    }

    /** Collects the arguments by name; {@link #build} checks them and makes the request. */
    public static final class Builder {

        private final String from;
        private Direction direction = Direction.DOWNSTREAM;
        private TraceMode mode = TraceMode.LINEAGE;
        private int maxHops = 4;
        private @Nullable PartialDate activeOn;
        private @Nullable List<Purpose> purposes;
        private @Nullable Confidence minConfidence;
        private @Nullable List<String> categories;
        private @Nullable List<OrgKind> toKinds;
        private int limit = 200;
        private int maxPaths = 500;
        private AsOf asOf = AsOf.NOW;
        private String originField = "from";

        private Builder(String from) {
            this.from = from;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder mode(TraceMode mode) {
            this.mode = mode;
            return this;
        }

        public Builder maxHops(int maxHops) {
            this.maxHops = maxHops;
            return this;
        }

        public Builder activeOn(@Nullable PartialDate activeOn) {
            this.activeOn = activeOn;
            return this;
        }

        public Builder purposes(@Nullable List<Purpose> purposes) {
            this.purposes = purposes;
            return this;
        }

        public Builder minConfidence(@Nullable Confidence minConfidence) {
            this.minConfidence = minConfidence;
            return this;
        }

        public Builder categories(@Nullable List<String> categories) {
            this.categories = categories;
            return this;
        }

        public Builder toKinds(@Nullable List<OrgKind> toKinds) {
            this.toKinds = toKinds;
            return this;
        }

        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        public Builder maxPaths(int maxPaths) {
            this.maxPaths = maxPaths;
            return this;
        }

        /** As known on a date and as recorded at an instant; {@link AsOf#NOW} by default. */
        public Builder asOf(AsOf asOf) {
            this.asOf = asOf;
            return this;
        }

        /** The argument that named the origin, for error messages. */
        public Builder originField(String originField) {
            this.originField = originField;
            return this;
        }

        public TraceRequest build() {
            return new TraceRequest(
                    from,
                    direction,
                    mode,
                    maxHops,
                    activeOn,
                    purposes,
                    minConfidence,
                    categories,
                    toKinds,
                    limit,
                    maxPaths,
                    asOf,
                    originField);
        }
    }
}
