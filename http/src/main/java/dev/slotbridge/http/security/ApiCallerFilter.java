package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.http.input.JsonCharset;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The {@code /v1} door's checks of every call, in this order: the API key ({@link ApiKeys}: 401, and the
 * {@link ApiClient} put on the request), the client's rate ({@link ClientRateLimiter}: 429), then a body's charset
 * ({@link JsonCharset}: 415). One filter rather than one per check: the framework dispatches each filter on every
 * request. It matches every path and looks at the path itself: while every server filter matches every path, the
 * framework keeps one sorted list of them, where a filter with a pattern makes it match and sort every filter on every
 * request (a fifth of a DRS search's CPU on the event loop).
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class ApiCallerFilter implements Ordered {
    private static final String V1 = "/v1";

    private final ApiKeys keys;
    private final ClientRateLimiter rateLimiter;

    ApiCallerFilter(ApiKeys keys, ClientRateLimiter rateLimiter) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        if (!isV1(request.getPath())) {
            return;
        }
        ApiClient client = keys.authenticate(request);
        request.setAttribute(ApiClient.ATTRIBUTE, client);
        rateLimiter.admit(client);
        JsonCharset.require(request);
    }

    /** {@code /v1} and the paths under it. */
    private static boolean isV1(String path) {
        return path.startsWith(V1) && (path.length() == V1.length() || path.charAt(V1.length()) == '/');
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
