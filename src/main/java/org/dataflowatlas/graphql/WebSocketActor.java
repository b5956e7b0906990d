package org.dataflowatlas.graphql;

import java.security.Principal;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Puts the name of the key a WebSocket session was opened with (its handshake passed the same
 * security as any request) into the GraphQL context as {@value #ACTOR}, so subscriptions can be
 * counted per key: their messages run off the handshake's thread, where no security context is set.
 */
@Component
public class WebSocketActor implements WebGraphQlInterceptor {

    /** The GraphQL context key; empty when the session was opened without a key. */
    public static final String ACTOR = "actor";

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!(request instanceof WebSocketGraphQlRequest socket)) {
            return chain.next(request);
        }
        return socket.getSessionInfo()
                .getPrincipal()
                .map(Principal::getName)
                .defaultIfEmpty("")
                .flatMap(name -> {
                    request.configureExecutionInput(
                            (input, builder) -> builder.graphQLContext(context -> context.put(ACTOR, name))
                                    .build());
                    return chain.next(request);
                });
    }
}
