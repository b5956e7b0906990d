package org.dataflowatlas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for {@code /graphql}: what a caller on the network sends, headers and all. */
public final class GraphQlHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final URI endpoint;

    public GraphQlHttp(int port) {
        this.endpoint = URI.create("http://localhost:" + port + "/graphql");
    }

    /** A response: HTTP status, the raw body, and the body as JSON when it is JSON. */
    public record Response(
            int status, String body, @Nullable Map<String, Object> json) {

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> errors() {
            return json == null || json.get("errors") == null
                    ? List.of()
                    : (List<Map<String, Object>>) json.get("errors");
        }

        @SuppressWarnings("unchecked")
        public @Nullable String classification() {
            if (errors().isEmpty()) {
                return null;
            }
            var extensions = (Map<String, Object>) errors().getFirst().get("extensions");
            return extensions == null ? null : (String) extensions.get("classification");
        }

        public String message() {
            return errors().isEmpty() ? "" : String.valueOf(errors().getFirst().get("message"));
        }

        @SuppressWarnings("unchecked")
        public @Nullable Object data(String field) {
            var data = json == null ? null : (Map<String, Object>) json.get("data");
            return data == null ? null : data.get(field);
        }
    }

    public Response post(String query, Map<String, Object> variables, @Nullable String key) {
        return send(JSON.writeValueAsString(Map.of("query", query, "variables", variables)), "application/json", key);
    }

    public Response post(String query, @Nullable String key) {
        return post(query, Map.of(), key);
    }

    /** Any body with any content type, for the malformed-request cases. */
    public Response send(String body, String contentType, @Nullable String key) {
        var request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, key);
    }

    public Response send(HttpRequest.Builder request, @Nullable String key) {
        if (key != null) {
            request.header("Authorization", key.contains(" ") ? key : "Bearer " + key);
        }
        try {
            var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), parse(response.body()));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> parse(String body) {
        try {
            var value = JSON.readValue(body, Object.class);
            return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }
}
