package org.dataflowatlas.neo4j;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints what went wrong with the embedded server and what to do, instead of a stack trace. */
class Neo4jStartupFailureAnalyzer extends AbstractFailureAnalyzer<Neo4jStartupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, Neo4jStartupException cause) {
        var message = cause.getMessage();
        int action = message.indexOf(". ");
        return action < 0
                ? new FailureAnalysis(message, "See the configuration table in README.md.", cause)
                : new FailureAnalysis(message.substring(0, action + 1), message.substring(action + 2), cause);
    }
}
