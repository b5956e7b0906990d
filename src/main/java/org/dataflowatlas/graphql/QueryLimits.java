package org.dataflowatlas.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One GraphQL Java instrumentation that refuses, before anything runs, queries too deep, too costly
 * or with too many aliases. Each refusal is an aborted execution that {@link RequestErrors}
 * classifies BAD_REQUEST, with a message giving the limit and how to narrow the query.
 *
 * <p>All three checks run when the operation starts executing, on the document and its variables.
 * They do not depend on validation having run in this request, so parsed and validated documents can
 * be cached ({@link DocumentCache}).
 *
 * <p>GraphQL Java calls its instrumentation for every field of the answer. Spring for GraphQL wraps
 * instrumentation beans in a chain, even a single one, and the chain's per-field bookkeeping showed
 * in JFR profiles of traces. So the three checks are one instrumentation, set directly on
 * GraphQL Java, and the application declares no other (GraphQL observations are off, see
 * DataflowAtlasApplication).
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** Fields that run a graph analysis each time they appear. */
    static final Set<String> EXPENSIVE =
            Set.of("trace", "paths", "exposure", "policyConflicts", "search", "timeline", "auditLog", "flowDates");

    @Bean
    GraphQlSourceBuilderCustomizer queryLimitsInstrumentation(LimitsProperties limits) {
        var instrumentation = new QueryLimitsInstrumentation(limits);
        return builder -> builder.configureGraphQl(graphQl -> graphQl.instrumentation(instrumentation));
    }

    static final class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

        private final LimitsProperties limits;
        private final FieldComplexityCalculator cost;

        QueryLimitsInstrumentation(LimitsProperties limits) {
            this.limits = limits;
            this.cost = (environment, childComplexity) ->
                    (EXPENSIVE.contains(environment.getField().getName()) ? limits.expensiveFieldCost() : 1)
                            + childComplexity;
        }

        @Override
        public @Nullable InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            var context = parameters.getExecutionContext();
            // Aliases first: counting them is cheap and stops alias and fragment bombs before the others walk them.
            int aliases = countAliases(
                    context.getOperationDefinition().getSelectionSet(),
                    context.getFragmentsByName(),
                    limits.maxAliases());
            if (aliases > limits.maxAliases()) {
                throw new AbortExecutionException("The query uses " + aliases + " aliases; at most "
                        + limits.maxAliases()
                        + " are allowed (dataflow.limits.max-aliases). Send repeated analyses as separate requests.");
            }
            int depth = depthOf(context);
            if (depth > limits.maxDepth()) {
                throw new AbortExecutionException("The query nests fields " + depth + " levels deep; at most "
                        + limits.maxDepth() + " are allowed (dataflow.limits.max-depth). Ask for fewer nested levels,"
                        + " and follow further links with a second query.");
            }
            int complexity = QueryComplexityCalculator.newCalculator()
                    .fieldComplexityCalculator(cost)
                    .schema(context.getGraphQLSchema())
                    .document(context.getDocument())
                    .operationName(context.getExecutionInput().getOperationName())
                    .variables(context.getCoercedVariables())
                    .build()
                    .calculate();
            if (complexity > limits.maxComplexity()) {
                throw new AbortExecutionException("The query costs " + complexity + "; at most "
                        + limits.maxComplexity()
                        + " is allowed (dataflow.limits.max-complexity: each field counts 1, each trace, paths,"
                        + " exposure, policyConflicts, search, timeline or auditLog "
                        + limits.expensiveFieldCost()
                        + "). Ask for fewer fields or analyses per request, or split it into several requests.");
            }
            return SimpleInstrumentationContext.noOp();
        }
    }

    /**
     * The deepest field's level, as GraphQL Java's MaxQueryDepthInstrumentation counts it, except that
     * an introspection {@code __Type.ofType} adds no level: a chain of them ends where the schema's
     * wrapping does ({@code [T!]!} is three), and GraphiQL's introspection query nests nine to read
     * every type reference.
     */
    static int depthOf(ExecutionContext context) {
        return QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getExecutionInput().getOperationName())
                .coercedVariables(context.getCoercedVariables())
                .build()
                .reducePreOrder((field, deepest) -> Math.max(deepest, levels(field)), 0);
    }

    private static int levels(QueryVisitorFieldEnvironment field) {
        int levels = 0;
        for (var at = field; at != null; at = at.getParentEnvironment()) {
            boolean typeWrapper = "ofType".equals(at.getField().getName())
                    && "__Type".equals(at.getFieldsContainer().getName());
            levels += typeWrapper ? 0 : 1;
        }
        return levels;
    }

    /** Counts aliased fields in the operation, through fragments, stopping once past {@code max}. */
    static int countAliases(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments, int max) {
        if (selections == null) {
            return 0;
        }
        int aliases = 0;
        for (var selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                aliases += (field.getAlias() != null ? 1 : 0) + countAliases(field.getSelectionSet(), fragments, max);
            } else if (selection instanceof InlineFragment inline) {
                aliases += countAliases(inline.getSelectionSet(), fragments, max);
            } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                aliases += countAliases(fragments.get(spread.getName()).getSelectionSet(), fragments, max);
            }
            if (aliases > max) {
                return aliases; // enough to refuse; stops fragment bombs early too
            }
        }
        return aliases;
    }
}
