package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClients;
import dev.slotbridge.http.FilterPatterns;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.management.health.indicator.HealthResult;

/**
 * Health details (each council's id and circuit) are for operators: on the public port a caller without a valid API
 * key gets the bare status a load balancer needs ({@code "status":"UP"}, no details); on the management port
 * ({@code endpoints.all.port}, see {@code docs/deployment.md}) and to a caller with a key, the details too.
 */
@ServerFilter(value = FilterPatterns.HEALTH, patternStyle = FilterPatternStyle.REGEX)
final class HealthDetailsFilter {
    private static final String BEARER = "Bearer ";

    private final ApiClients clients;
    private final Integer managementPort;

    HealthDetailsFilter(ApiClients clients, @Value("${endpoints.all.port}") @Nullable Integer managementPort) {
        this.clients = clients;
        this.managementPort = managementPort;
    }

    @ResponseFilter
    void hideDetailsFromStrangers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.getBody().orElse(null) instanceof HealthResult health && !mayReadDetails(request)) {
            // still a HealthResult, so Micronaut's own filter maps its status to the HTTP status (DOWN: 503)
            response.body(HealthResult.builder(health.getName(), health.getStatus()).build());
        }
    }

    private boolean mayReadDetails(HttpRequest<?> request) {
        if (managementPort != null && request.getServerAddress().getPort() == managementPort) {
            return true;
        }
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                && clients.authenticate(header.substring(BEARER.length()).strip()).isPresent();
    }
}
