package org.dataflowatlas.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import java.util.UUID;
import org.dataflowatlas.InvalidInputException;
import org.dataflowatlas.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Domain errors become GraphQL errors a caller can act on ({@code BAD_REQUEST}, {@code NOT_FOUND});
 * anything unexpected is an opaque {@code INTERNAL_ERROR} whose detail stays in the log under an id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    private final LimitsProperties limits;

    GraphQlErrors(LimitsProperties limits) {
        this.limits = limits;
        // Resolve with the request's security context in place, to say who was refused.
        setThreadLocalContextAware(true);
    }

    @Override
    protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof InvalidInputException) {
            return error(env, ErrorType.BAD_REQUEST, ex.getMessage());
        }
        if (ex instanceof NotFoundException) {
            return error(env, ErrorType.NOT_FOUND, ex.getMessage());
        }
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            return refused(env);
        }
        var neo4jCode = neo4jCode(ex);
        if (neo4jCode != null && neo4jCode.contains("TransactionTimedOut")) {
            log.warn("{} ran out of time ({})", env.getExecutionStepInfo().getPath(), neo4jCode);
            return error(
                    env,
                    ErrorType.BAD_REQUEST,
                    "This request ran out of time: Neo4j stopped it after "
                            + limits.queryTimeout().toMillis() / 1000.0
                            + " s (dataflow.limits.query-timeout). Narrow it: a smaller maxHops, an activeOn date,"
                            + " purposes or categories filters, mode LINEAGE rather than REACHABILITY, or a lower"
                            + " maxPaths or limit.");
        }
        if (neo4jCode != null && neo4jCode.contains("Memory")) {
            log.warn("{} ran out of memory ({})", env.getExecutionStepInfo().getPath(), neo4jCode);
            return error(
                    env,
                    ErrorType.BAD_REQUEST,
                    "This request needed more memory than one transaction may use. Narrow it: a smaller maxHops,"
                            + " an activeOn date, purposes or categories filters, mode LINEAGE rather than"
                            + " REACHABILITY, or a lower maxPaths or limit.");
        }
        var incident = UUID.randomUUID().toString();
        log.error(
                "Unexpected error {} at {}",
                incident,
                env.getExecutionStepInfo().getPath(),
                ex);
        return error(env, ErrorType.INTERNAL_ERROR, "Internal error " + incident + "; the server log has the detail.");
    }

    private static @Nullable String neo4jCode(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j) {
                return neo4j.code();
            }
        }
        return null;
    }

    /** A mutation (or the audit log) without an editor key: nothing ran; the attempt is logged. */
    private static GraphQLError refused(DataFetchingEnvironment env) {
        var field = env.getField().getName();
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        boolean anonymous = authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken;
        if (anonymous) {
            log.warn("Refused {}: no API key was sent", field);
            return error(
                    env,
                    ErrorType.UNAUTHORIZED,
                    field + " needs an editor key: send the header 'Authorization: Bearer <key>'. The embedded"
                            + " server keeps its generated editor key in <data directory>/editor.key.");
        }
        log.warn("Refused {} for key '{}': not an editor key", field, authentication.getName());
        return error(
                env,
                ErrorType.FORBIDDEN,
                field + " needs an editor key; the key '" + authentication.getName() + "' may only read.");
    }

    private static GraphQLError error(DataFetchingEnvironment env, ErrorType type, @Nullable String message) {
        return GraphqlErrorBuilder.newError(env)
                .errorType(type)
                .message(String.valueOf(message))
                .build();
    }
}
