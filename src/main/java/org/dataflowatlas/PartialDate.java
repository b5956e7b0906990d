package org.dataflowatlas;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An ISO 8601 date at year, month or day precision ({@code 2016}, {@code 2023-07}, {@code 2024-01-08}).
 * Evidence is often fuzzy, so a partial date stands for the whole interval it covers and is kept
 * exactly as written.
 */
public record PartialDate(String text, LocalDate first, LocalDate last) implements Comparable<PartialDate> {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");

    public static PartialDate parse(String text) {
        var matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            throw new InvalidInputException(
                    "'" + abbreviate(text) + "' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD,"
                            + " for example 2016, 2023-07 or 2024-01-08.");
        }
        try {
            int year = Integer.parseInt(matcher.group(1));
            if (matcher.group(2) == null) {
                return new PartialDate(text, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            var month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
            if (matcher.group(3) == null) {
                return new PartialDate(text, month.atDay(1), month.atEndOfMonth());
            }
            var day = LocalDate.of(year, month.getMonth(), Integer.parseInt(matcher.group(3)));
            return new PartialDate(text, day, day);
        } catch (DateTimeException ex) {
            throw new InvalidInputException("'" + text + "' is not a calendar date (" + ex.getMessage()
                    + "): write YYYY, YYYY-MM or YYYY-MM-DD with a month from 01 to 12 and a day that month has.");
        }
    }

    /**
     * Refuses an end that lies wholly before the start (overlapping partial dates pass: {@code 2023}
     * to {@code 2023-07} is fine). Either may be null (unknown).
     */
    public static void requireOrder(
            @Nullable PartialDate start, @Nullable PartialDate end, String startField, String endField, String what) {
        if (start != null && end != null && start.first().isAfter(end.last())) {
            throw new InvalidInputException(endField + " (" + end + ") is before " + startField + " (" + start + "): "
                    + what + " cannot end before it starts.");
        }
    }

    /** Earlier intervals first; of two starting the same day, the more precise one first. */
    @Override
    public int compareTo(PartialDate other) {
        int byStart = first.compareTo(other.first);
        return byStart != 0 ? byStart : last.compareTo(other.last);
    }

    @Override
    public String toString() {
        return text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }
}
