package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.ApiClients;
import dev.slotbridge.http.FilterPatterns;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Requires {@code Authorization: Bearer <api-key>} on every {@code /v1} call and stores the {@link ApiClient} on the
 * request. No key or an unknown key is 401; two {@code Authorization} headers are 400 {@code malformed-request}
 * ({@link AuthorizationHeader}); failures past the limit of their address or key are 429 for a while
 * ({@link FailedAuthentications}), a valid key never is. The key itself is never logged.
 */
@ServerFilter(value = FilterPatterns.V1, patternStyle = FilterPatternStyle.REGEX)
final class ApiKeyFilter implements Ordered {
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final FailedAuthentications failures;

    ApiKeyFilter(ApiClients clients, FailedAuthentications failures) {
        this.clients = clients;
        this.failures = failures;
    }

    @RequestFilter
    void authenticate(HttpRequest<?> request) {
        String header = AuthorizationHeader.of(request);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            throw failures.unauthenticated(request, header, "Send the API key as 'Authorization: Bearer <key>'");
        }
        String key = header.substring(BEARER.length()).strip();
        ApiClient client = clients.authenticate(key).orElseThrow(() ->
                failures.unauthenticated(request, key, "The API key is not recognised"));
        request.setAttribute(ApiClient.ATTRIBUTE, client);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
