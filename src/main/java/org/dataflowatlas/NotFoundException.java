package org.dataflowatlas;

/** The caller named something that does not exist; the message names it. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
