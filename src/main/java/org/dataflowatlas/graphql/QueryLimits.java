package org.dataflowatlas.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * GraphQL Java instrumentation that refuses, before anything runs, queries too deep, too costly
 * or with too many aliases. Each refusal is an aborted execution that {@link RequestErrors}
 * classifies BAD_REQUEST, with a message giving the limit and how to narrow the query.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    /** Fields that run a graph analysis each time they appear. */
    static final Set<String> EXPENSIVE =
            Set.of("trace", "paths", "exposure", "policyConflicts", "search", "timeline", "auditLog");

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(LimitsProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException("The query nests fields " + depth + " levels deep; at most "
                        + maxDepth + " are allowed (dataflow.limits.max-depth). Ask for fewer nested levels, and"
                        + " follow further links with a second query.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(LimitsProperties limits) {
        FieldComplexityCalculator cost = (environment, childComplexity) ->
                (EXPENSIVE.contains(environment.getField().getName()) ? limits.expensiveFieldCost() : 1)
                        + childComplexity;
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), cost) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new AbortExecutionException("The query costs " + complexity + "; at most " + maxComplexity
                        + " is allowed (dataflow.limits.max-complexity: each field counts 1, each trace, paths,"
                        + " exposure, policyConflicts, search, timeline or auditLog "
                        + limits.expensiveFieldCost()
                        + "). Ask for fewer fields or analyses per request, or split it into several requests.");
            }
        };
    }

    @Bean
    MaxAliasesInstrumentation maxAliases(LimitsProperties limits) {
        return new MaxAliasesInstrumentation(limits.maxAliases());
    }

    /** Counts aliased fields in the operation, through fragments, and refuses more than the limit. */
    static final class MaxAliasesInstrumentation extends SimplePerformantInstrumentation {

        private final int maxAliases;

        MaxAliasesInstrumentation(int maxAliases) {
            this.maxAliases = maxAliases;
        }

        @Override
        public @Nullable InstrumentationContext<graphql.ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
            var context = parameters.getExecutionContext();
            int aliases = count(context.getOperationDefinition().getSelectionSet(), context.getFragmentsByName());
            if (aliases > maxAliases) {
                throw new AbortExecutionException("The query uses " + aliases + " aliases; at most " + maxAliases
                        + " are allowed (dataflow.limits.max-aliases). Send repeated analyses as separate requests.");
            }
            return SimpleInstrumentationContext.noOp();
        }

        private int count(@Nullable SelectionSet selections, Map<String, FragmentDefinition> fragments) {
            if (selections == null) {
                return 0;
            }
            int aliases = 0;
            for (var selection : selections.getSelections()) {
                if (selection instanceof Field field) {
                    aliases += (field.getAlias() != null ? 1 : 0) + count(field.getSelectionSet(), fragments);
                } else if (selection instanceof InlineFragment inline) {
                    aliases += count(inline.getSelectionSet(), fragments);
                } else if (selection instanceof FragmentSpread spread && fragments.containsKey(spread.getName())) {
                    aliases += count(fragments.get(spread.getName()).getSelectionSet(), fragments);
                }
                if (aliases > maxAliases) {
                    return aliases; // enough to refuse; stops fragment bombs early too
                }
            }
            return aliases;
        }
    }
}
