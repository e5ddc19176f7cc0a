package dev.slotbridge.server.security;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.util.Map;

/**
 * Requires {@code Authorization: Bearer <api-key>} on every {@code /v1} call and stores the {@link ApiClient} on the
 * request. No key or an unknown key is 401; the key itself is never logged.
 */
@ServerFilter("/v1/**")
final class ApiKeyFilter implements Ordered {
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;

    ApiKeyFilter(ApiClients clients) {
        this.clients = clients;
    }

    @RequestFilter
    void authenticate(HttpRequest<?> request) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || header.length() == BEARER.length()) {
            throw unauthenticated("Send the API key as 'Authorization: Bearer <key>'");
        }
        ApiClient client = clients.authenticate(header.substring(BEARER.length()).strip())
                .orElseThrow(() -> unauthenticated("The API key is not recognised"));
        request.setAttribute(ApiClient.ATTRIBUTE, client);
    }

    private static ApiProblemException unauthenticated(String detail) {
        return new ApiProblemException(ProblemType.UNAUTHENTICATED, detail, null,
                Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
