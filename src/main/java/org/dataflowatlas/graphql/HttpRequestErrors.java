package org.dataflowatlas.graphql;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dataflowatlas.security.JsonErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Requests to {@code /graphql} that are not GraphQL requests at all (not JSON, an array of
 * operations, no body, another content type or method) are answered in the GraphQL error shape
 * with the HTTP status that fits and a message saying what to send instead.
 */
@Component
class HttpRequestErrors implements HandlerExceptionResolver, Ordered {

    static final String HOW = "Send one JSON object such as {\"query\": \"{ organizations { totalCount } }\","
            + " \"variables\": {}} with POST and Content-Type: application/json (arrays of operations are not"
            + " supported: send them one by one).";

    @Override
    public @Nullable ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, @Nullable Object handler, Exception ex) {
        if (!request.getRequestURI().endsWith("/graphql")) {
            return null;
        }
        try {
            if (ex instanceof HttpMessageNotReadableException || ex instanceof ServerWebInputException) {
                JsonErrors.write(response, 400, "BAD_REQUEST", "The request body is not a GraphQL request. " + HOW);
            } else if (ex instanceof HttpMediaTypeNotSupportedException) {
                JsonErrors.write(
                        response,
                        415,
                        "BAD_REQUEST",
                        "Content-Type " + request.getContentType() + " is not supported: send application/json. "
                                + HOW);
            } else if (ex instanceof HttpRequestMethodNotSupportedException) {
                response.setHeader("Allow", "POST");
                JsonErrors.write(response, 405, "BAD_REQUEST", request.getMethod() + " is not supported. " + HOW);
            } else {
                return null;
            }
        } catch (IOException writeFailed) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
