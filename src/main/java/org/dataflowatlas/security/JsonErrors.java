package org.dataflowatlas.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * Errors raised before GraphQL runs (no key, a bad key, a body too large) in the shape GraphQL
 * clients read: {@code {"errors":[{"message":…,"extensions":{"classification":…}}]}}.
 */
public final class JsonErrors {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonErrors() {}

    public static void write(HttpServletResponse response, int status, String classification, String message)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        var body = Map.of(
                "errors", List.of(Map.of("message", message, "extensions", Map.of("classification", classification))));
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
