package org.dataflowatlas.graphql;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.LinkedHashMap;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Errors GraphQL Java raises before any of our code runs (a malformed document, an unknown field,
 * a Date that is not a date, a query over the limits of {@link QueryLimits}) are the caller's to fix: they are classified BAD_REQUEST like our own
 * validation errors, with GraphQL Java's classification kept as {@code extensions.reason}.
 */
@Component
class RequestErrors implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .map(response -> response.getErrors().stream().anyMatch(RequestErrors::isRequestError)
                        ? response.transform(builder -> builder.errors(response.getErrors().stream()
                                .map(RequestErrors::rebuild)
                                .toList()))
                        : response);
    }

    private static boolean isRequestError(ResponseError error) {
        var type = error.getErrorType();
        return type instanceof graphql.ErrorType standard
                && (standard == graphql.ErrorType.ValidationError
                        || standard == graphql.ErrorType.InvalidSyntax
                        || standard == graphql.ErrorType.ExecutionAborted);
    }

    /** The same error, as BAD_REQUEST when it is a request error. */
    private static GraphQLError rebuild(ResponseError error) {
        var extensions = new LinkedHashMap<String, Object>(error.getExtensions());
        ErrorClassification type = error.getErrorType();
        if (isRequestError(error)) {
            extensions.put("reason", type.toString());
            type = ErrorType.BAD_REQUEST;
        }
        var builder = GraphqlErrorBuilder.newError()
                .message(String.valueOf(error.getMessage()))
                .locations(error.getLocations())
                .errorType(type)
                .extensions(extensions);
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
