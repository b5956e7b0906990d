package org.dataflowatlas.neo4j;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Embedded unless the user points us at a server with {@code NEO4J_URI} (or sets {@code dataflow.neo4j.external}). */
class EmbeddedNeo4jCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return embeddedOutcome(context.getEnvironment());
    }

    static ConditionOutcome embeddedOutcome(Environment environment) {
        var uri = environment.getProperty("NEO4J_URI", "");
        if (!uri.isBlank()) {
            return ConditionOutcome.noMatch("NEO4J_URI is set to " + uri);
        }
        if (environment.getProperty("dataflow.neo4j.external", Boolean.class, false)) {
            return ConditionOutcome.noMatch("dataflow.neo4j.external is true");
        }
        return ConditionOutcome.match("no NEO4J_URI configured");
    }

    /** The opposite: an external server. */
    static final class External extends SpringBootCondition {

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            var embedded = embeddedOutcome(context.getEnvironment());
            return new ConditionOutcome(!embedded.isMatch(), embedded.getMessage());
        }
    }
}
