package org.dataflowatlas.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The three ways the known-and-recorded-time rows ask each trace: plain, as known on the day of the
 * run and as recorded at the instant the rows begin. Both times keep every fact, so the answers
 * match and the difference in time is what the filters cost.
 */
final class AsOfVariants {

    static final List<String> NAMES = List.of("plain", "asKnownOn", "recordedAsOf");

    final String today = LocalDate.now(ZoneOffset.UTC).toString();
    final String now = Instant.now().toString();

    /** The GraphQL variables of one variant. */
    Map<String, Object> filters(String name) {
        return switch (name) {
            case "asKnownOn" -> Map.of("asKnownOn", today);
            case "recordedAsOf" -> Map.of("recordedAsOf", now);
            default -> Map.of();
        };
    }

    /** The variant asked k-th for an origin in a round: each goes first in turn. */
    static String turn(int round, int origin, int k) {
        return NAMES.get((round + origin + k) % NAMES.size());
    }

    /** An empty list of timings per variant. */
    static Map<String, List<Long>> timings() {
        var times = new LinkedHashMap<String, List<Long>>();
        NAMES.forEach(name -> times.put(name, new ArrayList<>()));
        return times;
    }
}
