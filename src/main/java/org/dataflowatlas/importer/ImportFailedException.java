package org.dataflowatlas.importer;

/** A batch could not be written; it was rolled back, earlier batches stay, and the message says how to resume. */
public class ImportFailedException extends RuntimeException {

    ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
