package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.Comparator;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** From when to when the graph's dated flows run; {@code ongoing} when one of them has no end. */
public record DateSpan(@Nullable String earliest, @Nullable String latest, boolean ongoing) {

    /** The earliest of {@code starts} and the latest end of {@code dates} ({@code 2024} ends after {@code 2024-06}). */
    static DateSpan of(Collection<String> starts, Collection<String> dates, boolean ongoing) {
        var earliest = starts.stream().map(PartialDate::parse).min(Comparator.naturalOrder());
        var latest = dates.stream().map(PartialDate::parse).max(Comparator.comparing(PartialDate::last));
        return new DateSpan(
                earliest.map(PartialDate::text).orElse(null),
                latest.map(PartialDate::text).orElse(null),
                ongoing);
    }
}
