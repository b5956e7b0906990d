package org.dataflowatlas.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.UUID;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The errors that end a subscription, as {@link GraphQlErrors} has them for other fields: Spring for
 * GraphQL passes what a subscription's method throws to its stream, not to the data fetcher
 * resolvers, so a refused subscription (a limit reached, an unknown origin) would otherwise be an
 * opaque INTERNAL_ERROR.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionErrors.class);

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex) {
        if (ex instanceof InvalidInputException) {
            return error(ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof NotFoundException) {
            return error(ErrorType.NOT_FOUND, ex.getMessage());
        }
        var incident = UUID.randomUUID().toString();
        log.error("Unexpected error {} in a subscription", incident, ex);
        return error(ErrorType.INTERNAL_ERROR, "Internal error " + incident + "; the server log has the detail.");
    }

    private static GraphQLError error(ErrorType type, @Nullable String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(type)
                .message(String.valueOf(message))
                .build();
    }
}
