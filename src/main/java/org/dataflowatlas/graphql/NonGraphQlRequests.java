package org.dataflowatlas.graphql;

import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers, ahead of Spring for GraphQL's own routes, the requests to {@code /graphql} it would
 * refuse with an empty body (another method, another content type): the same status, plus a
 * GraphQL-shaped error that says what to send. See also {@link HttpRequestErrors}.
 */
@Configuration(proxyBeanMethods = false)
class NonGraphQlRequests {

    private static final List<MediaType> GRAPHQL_TYPES = List.of(
            MediaType.APPLICATION_JSON,
            MediaType.APPLICATION_GRAPHQL_RESPONSE,
            new MediaType("application", "graphql"));

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> nonGraphQlRoutes() {
        RequestPredicate graphqlPath = request -> request.path().equals("/graphql");
        RequestPredicate notPost = request -> !HttpMethod.POST.equals(request.method());
        RequestPredicate notJson = request -> request.headers()
                .contentType()
                .map(type -> GRAPHQL_TYPES.stream().noneMatch(known -> known.includes(type)))
                .orElse(false);
        return RouterFunctions.route()
                .route(graphqlPath.and(notPost), NonGraphQlRequests::methodNotAllowed)
                .route(graphqlPath.and(notJson), NonGraphQlRequests::unsupportedType)
                .build();
    }

    private static ServerResponse methodNotAllowed(ServerRequest request) {
        return ServerResponse.status(405)
                .allow(HttpMethod.POST)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error(request.method() + " is not supported. " + HttpRequestErrors.HOW));
    }

    private static ServerResponse unsupportedType(ServerRequest request) {
        return ServerResponse.status(415)
                .contentType(MediaType.APPLICATION_JSON)
                .body(error("Content-Type "
                        + request.headers()
                                .contentType()
                                .map(MediaType::toString)
                                .orElse("") + " is not supported: send application/json. " + HttpRequestErrors.HOW));
    }

    private static Map<String, Object> error(String message) {
        return Map.of(
                "errors", List.of(Map.of("message", message, "extensions", Map.of("classification", "BAD_REQUEST"))));
    }
}
