package org.dataflowatlas.importer;

/** One value of one row cannot be imported; the importer adds the file and line. */
final class RowException extends RuntimeException {

    private final String column;

    RowException(String column, String reason) {
        super(reason);
        this.column = column;
    }

    String column() {
        return column;
    }
}
