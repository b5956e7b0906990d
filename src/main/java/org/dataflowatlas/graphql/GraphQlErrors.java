package org.dataflowatlas.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Domain errors become GraphQL errors a caller can act on ({@code BAD_REQUEST}, {@code NOT_FOUND});
 * anything unexpected is an opaque {@code INTERNAL_ERROR} whose detail stays in the log under an id.
 */
@Component
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        var incident = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} at {}",
                incident,
                env.getExecutionStepInfo().getPath(),
                ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error " + incident + "; the server log has the detail.");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, @Nullable String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(String.valueOf(message))
                .build();
    }
}
