package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.http.FilterPatterns;
import dev.slotbridge.http.input.JsonCharset;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * The {@code /v1} door's checks of every call, in this order: the API key ({@link ApiKeys}: 401, and the
 * {@link ApiClient} put on the request), the client's rate ({@link ClientRateLimiter}: 429), then a body's charset
 * ({@link JsonCharset}: 415). One filter rather than one per check: the framework matches, sorts and dispatches each
 * filter on every request, and that was a tenth of a search's CPU on the event loop.
 */
@ServerFilter(value = FilterPatterns.V1, patternStyle = FilterPatternStyle.REGEX)
final class ApiCallerFilter implements Ordered {
    private final ApiKeys keys;
    private final ClientRateLimiter rateLimiter;

    ApiCallerFilter(ApiKeys keys, ClientRateLimiter rateLimiter) {
        this.keys = keys;
        this.rateLimiter = rateLimiter;
    }

    @RequestFilter
    void check(HttpRequest<?> request) {
        ApiClient client = keys.authenticate(request);
        request.setAttribute(ApiClient.ATTRIBUTE, client);
        rateLimiter.admit(client);
        JsonCharset.require(request);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
