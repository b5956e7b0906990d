package org.dataflowatlas.importer;

import java.time.Month;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dataflowatlas.graph.Ids;
import org.jspecify.annotations.Nullable;

/**
 * A mapping value such as {@code "flock-{src_agency_id}-to-{external_agency_id}"}: text with
 * {@code {column}} or {@code {column|filter}} placeholders filled from one CSV row. {@code _file}
 * and {@code _line} name the row's file and line. Filters: slug, suffix ("-" + slug, or nothing
 * for a blank value), lower, number, periodStart,
 * periodEnd, periodSlug (periods such as "2009 (2nd half)" or "January - June 2017"). Compiled once,
 * when the mapping is read; applied to every row.
 */
final class Template {

    static final List<String> FILTERS =
            List.of("slug", "suffix", "lower", "number", "periodStart", "periodEnd", "periodSlug");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}|]+)(?:\\|([^{}]+))?}");
    private static final Pattern HALF = Pattern.compile("(\\d{4}) \\((1st|2nd) half\\)");
    private static final Pattern MONTHS = Pattern.compile("([A-Za-z]+) - ([A-Za-z]+) (\\d{4})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    // Templates are compiled when a mapping is read, never per row: tests hold the planner to that.
    private static final LongAdder COMPILED = new LongAdder();

    private final String text;
    private final List<Part> parts;
    private final List<String> columns;

    private record Part(
            String literal,
            @Nullable String column,
            @Nullable String filter) {}

    private Template(String text, List<Part> parts) {
        this.text = text;
        this.parts = parts;
        this.columns = parts.stream()
                .map(Part::column)
                .filter(column -> column != null && !column.startsWith("_"))
                .toList();
    }

    /** Compiles a template; unknown filters are mapping errors. */
    static Template of(String text, String where) {
        var parts = new ArrayList<Part>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        int last = 0;
        while (matcher.find()) {
            parts.add(new Part(text.substring(last, matcher.start()), null, null));
            var filter = matcher.group(2);
            if (filter != null && !FILTERS.contains(filter.strip())) {
                throw new MappingException(
                        where + ": unknown filter '" + filter + "' in \"" + text + "\"; use one of " + FILTERS + ".");
            }
            parts.add(new Part("", matcher.group(1).strip(), filter == null ? null : filter.strip()));
            last = matcher.end();
        }
        parts.add(new Part(text.substring(last), null, null));
        COMPILED.increment();
        return new Template(text, List.copyOf(parts));
    }

    /** The columns a mapping text names in its placeholders, without compiling it (for texts that may be no template). */
    static List<String> columnsIn(String text) {
        var columns = new ArrayList<String>();
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            var column = matcher.group(1).strip();
            if (!column.startsWith("_")) {
                columns.add(column);
            }
        }
        return columns;
    }

    /** Text taken as it is, braces and all: names the mapping gives outside any row. */
    static Template literal(String text) {
        COMPILED.increment();
        return new Template(text, List.of(new Part(text, null, null)));
    }

    /** How many templates this JVM has compiled. */
    static long compiled() {
        return COMPILED.sum();
    }

    String text() {
        return text;
    }

    /** The CSV columns this template reads (not _file or _line). */
    List<String> columns() {
        return columns;
    }

    /** The CSV column a field with this template comes from (its first placeholder), or the mapping key for constants. */
    String column(String key) {
        return columns.isEmpty() ? "mapping: " + key : columns.getFirst();
    }

    /** Fills the template from a row; a filter that cannot apply throws {@link RowException} naming the column. */
    String apply(Row row) {
        var out = new StringBuilder();
        for (var part : parts) {
            out.append(part.literal());
            if (part.column() != null) {
                var value = row.get(part.column());
                out.append(part.filter() == null ? value : filter(part.filter(), value, part.column()));
            }
        }
        return out.toString();
    }

    /** A template that is exactly one placeholder with the number filter yields a number (or null for blanks). */
    @Nullable
    Object applyTyped(Row row) {
        if (parts.size() == 3
                && parts.get(0).literal().isEmpty()
                && parts.get(2).literal().isEmpty()
                && "number".equals(parts.get(1).filter())) {
            var value = apply(row);
            if (value.isEmpty()) {
                return null;
            }
            return value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value);
        }
        var value = apply(row);
        return value.isEmpty() ? null : value;
    }

    private static String filter(String filter, String value, String column) {
        return switch (filter) {
            case "slug" -> Ids.slugify(value);
            case "suffix" -> value.isBlank() ? "" : "-" + Ids.slugify(value);
            case "lower" -> value.toLowerCase(Locale.ROOT);
            case "number" -> number(value, column);
            case "periodStart" -> period(value, column)[0];
            case "periodEnd" -> period(value, column)[1];
            case "periodSlug" -> period(value, column)[0] + "-to-" + period(value, column)[1];
            default -> throw new IllegalStateException(filter);
        };
    }

    /** Counts as published: "-" and blanks are no figure; "12%" is 12; "1,234" is 1234; footnote marks ("27*") are dropped. */
    private static String number(String value, String column) {
        var cleaned = value.strip().replace(",", "").replace("%", "").replaceAll("\\*+$", "");
        if (cleaned.isEmpty() || cleaned.equals("-")) {
            return "";
        }
        if (!NUMBER.matcher(cleaned).matches()) {
            throw new RowException(column, "'" + value + "' is not a number");
        }
        return cleaned;
    }

    /** A reporting period as [first month, last month]. */
    private static String[] period(String value, String column) {
        var text = value.strip();
        var half = HALF.matcher(text);
        if (half.matches()) {
            var year = half.group(1);
            return half.group(2).equals("1st")
                    ? new String[] {year + "-01", year + "-06"}
                    : new String[] {year + "-07", year + "-12"};
        }
        var months = MONTHS.matcher(text);
        if (months.matches()) {
            try {
                var from = Month.valueOf(months.group(1).toUpperCase(Locale.ROOT));
                var to = Month.valueOf(months.group(2).toUpperCase(Locale.ROOT));
                var year = months.group(3);
                return new String[] {year + "-%02d".formatted(from.getValue()), year + "-%02d".formatted(to.getValue())
                };
            } catch (IllegalArgumentException ex) {
                throw new RowException(column, "'" + value + "' names an unknown month");
            }
        }
        if (YEAR.matcher(text).matches()) {
            return new String[] {text, text};
        }
        throw new RowException(
                column,
                "'" + value
                        + "' is not a period; expected e.g. \"2009 (2nd half)\", \"January - June 2017\" or \"2016\"");
    }
}
