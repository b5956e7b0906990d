package org.dataflowatlas.export;

import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/** Values written as Cypher literals (the value types the model uses: text, numbers, booleans, lists, maps, date-times). */
final class Literals {

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private Literals() {}

    static String cypher(@Nullable Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "'" + escape(text, '\'') + "'";
        }
        if (value instanceof Boolean || value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double number) {
            if (number.isNaN() || number.isInfinite()) {
                throw new IllegalStateException("Cannot export the number " + number + " as Cypher");
            }
            return number.toString();
        }
        // The instants a write stamps facts with (recordedAt, retractedAt), kept as date-times on load.
        if (value instanceof ZonedDateTime instant) {
            return "datetime('" + instant.toOffsetDateTime() + "')";
        }
        if (value instanceof OffsetDateTime instant) {
            return "datetime('" + instant + "')";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Literals::cypher).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(entry -> name(String.valueOf(entry.getKey())) + ": " + cypher(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        throw new IllegalStateException(
                "Export does not support values of type " + value.getClass().getSimpleName() + " (" + value
                        + "); the model stores text, numbers, booleans, lists and date-times.");
    }

    /** A label, type or property name, backticked when it is not a plain identifier. */
    static String name(String name) {
        return PLAIN_NAME.matcher(name).matches() ? name : "`" + name.replace("`", "``") + "`";
    }

    private static String escape(String text, char quote) {
        var out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c == quote) {
                        out.append('\\').append(c);
                    } else if (c < 0x20) {
                        out.append("\\u%04x".formatted((int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
