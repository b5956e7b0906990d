package org.dataflowatlas.importer;

import java.util.Map;
import java.util.Set;

/**
 * One CSV row as templates read it: its values by column name, with {@code _file} and
 * {@code _line} naming where it came from. Values the dataset uses for "no value" read as blank.
 */
final class Row {

    /** The row constant parts of a mapping (fixed organizations, sources) are evaluated against. */
    static final Row NONE = new Row(Map.of(), new String[0], "", 0, "");

    private final Map<String, Integer> columns;
    private final String[] values;
    private final String file;
    private final long line;
    private final String lineText;

    private Row(Map<String, Integer> columns, String[] values, String file, long line, String lineText) {
        this.columns = columns;
        this.values = values;
        this.file = file;
        this.line = line;
        this.lineText = lineText;
    }

    /**
     * A row of {@code file}; {@code columns} is the header's index by name, shared by the file's
     * rows; {@code values} is the row's own array, blanked in place where it holds a missing marker.
     */
    static Row of(Map<String, Integer> columns, String[] values, Set<String> missing, String file, long line) {
        if (!missing.isEmpty()) {
            for (int i = 0; i < values.length; i++) {
                if (missing.contains(values[i])) {
                    values[i] = "";
                }
            }
        }
        return new Row(columns, values, file, line, Long.toString(line));
    }

    /** The row's line in its file (0 for {@link #NONE}). */
    long line() {
        return line;
    }

    /** The value of a column, {@code _file} or {@code _line}; blank for a column the row does not have. */
    String get(String column) {
        if (column.equals("_file")) {
            return file;
        }
        if (column.equals("_line")) {
            return lineText;
        }
        var index = columns.get(column);
        return index == null || index >= values.length ? "" : values[index];
    }
}
