package org.dataflowatlas.flow;

import java.util.Collection;
import java.util.Comparator;
import org.dataflowatlas.PartialDate;
import org.jspecify.annotations.Nullable;

/** From when to when the graph's dated flows run; {@code ongoing} when one of them has no end. */
public record DateSpan(@Nullable String earliest, @Nullable String latest, boolean ongoing) {

    /** The earliest start and the latest end among partial dates ({@code 2024} ends after {@code 2024-06}). */
    static DateSpan of(Collection<String> dates, boolean ongoing) {
        var parsed = dates.stream().map(PartialDate::parse).toList();
        var earliest = parsed.stream().min(Comparator.naturalOrder());
        var latest = parsed.stream()
                .max(Comparator.comparing(PartialDate::last)
                        .thenComparing(PartialDate::first, Comparator.reverseOrder()));
        return new DateSpan(
                earliest.map(PartialDate::text).orElse(null),
                latest.map(PartialDate::text).orElse(null),
                ongoing);
    }
}
