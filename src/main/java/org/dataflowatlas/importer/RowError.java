package org.dataflowatlas.importer;

/** Where a row went wrong: file, 1-based line, column, and what to change. */
public record RowError(String file, long line, String column, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": column '" + column + "': " + reason;
    }
}
