package org.dataflowatlas;

/** The caller sent something we cannot accept; the message says what to change. */
public class InvalidInputException extends RuntimeException {

    public InvalidInputException(String message) {
        super(message);
    }
}
