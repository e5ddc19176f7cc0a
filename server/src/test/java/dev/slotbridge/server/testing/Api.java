package dev.slotbridge.server.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/** Calls the running server over real HTTP and reads JSON answers as maps. */
public final class Api {
    public static final String DEMO_KEY = "sandbox-demo-key";
    public static final String OPS_KEY = "ops-key";

    private final URI base;
    private final JsonMapper json;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public Api(URI base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    /** An answer: status, headers and the body read as JSON (null when there is none). */
    public record Reply(int status, Map<String, List<String>> headers, String text, Map<String, Object> body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        public String string(String field) {
            return (String) body.get(field);
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String field) {
            return (List<Map<String, Object>>) body.get(field);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String field) {
            return (Map<String, Object>) body.get(field);
        }
    }

    /** The server's URI for a path. */
    public URI uri(String path) {
        return base.resolve(path);
    }

    public Reply get(String key, String path) {
        return send(key, HttpRequest.newBuilder(base.resolve(path)).GET(), Map.of());
    }

    public Reply post(String key, String path, Object body) {
        return post(key, path, body, Map.of());
    }

    public Reply post(String key, String path, Object body, Map<String, String> headers) {
        String text = body instanceof String raw ? raw : write(body);
        return exchange(key, HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(text)), headers, text);
    }

    /** Posts a body of any type as it is, without an API key (callbacks from schedulers). */
    public Reply postAs(String contentType, String path, String body, Map<String, String> headers) {
        return exchange(null, HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)), headers, body);
    }

    /** Sends a request without a body. */
    public Reply send(String key, HttpRequest.Builder request, Map<String, String> headers) {
        return exchange(key, request, headers, null);
    }

    /** Sends the request, and fails when the exchange breaks the OpenAPI document ({@link OpenApiContract}). */
    private Reply exchange(String key, HttpRequest.Builder builder, Map<String, String> headers, String body) {
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        headers.forEach(builder::header);
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String problems = OpenApiContract.problems(request, body, response);
            if (!problems.isEmpty()) {
                throw new AssertionError("the exchange does not match /openapi.yml:\n" + problems);
            }
            String text = response.body();
            String type = response.headers().firstValue("content-type").orElse("");
            Map<String, Object> parsed = type.contains("json") && !text.isEmpty()
                    ? json.readValue(text, Argument.mapOf(String.class, Object.class)) : null;
            return new Reply(response.statusCode(), response.headers().map(), text, parsed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
