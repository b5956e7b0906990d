package org.dataflowatlas.neo4j;

/** The embedded server cannot start for a reason the user can fix; the message says how. */
public class Neo4jStartupException extends RuntimeException {

    Neo4jStartupException(String message) {
        super(message);
    }

    Neo4jStartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
