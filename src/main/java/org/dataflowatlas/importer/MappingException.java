package org.dataflowatlas.importer;

/** The mapping file itself is wrong; the message says where and what to change. Nothing was written. */
public class MappingException extends RuntimeException {

    public MappingException(String message) {
        super(message);
    }
}
