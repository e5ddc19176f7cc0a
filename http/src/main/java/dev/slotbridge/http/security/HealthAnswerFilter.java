package dev.slotbridge.http.security;

import dev.slotbridge.engine.security.ApiClients;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.health.HealthStatus;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.filter.HealthResultFilter;
import io.micronaut.management.health.indicator.HealthResult;

import java.util.Map;

/**
 * The health endpoint's answer. Details (each council's id and circuit) are for operators: on the public port a
 * caller without a valid API key gets the bare status a load balancer needs ({@code "status":"UP"}, no details); on
 * the management port ({@code endpoints.all.port}, see {@code docs/deployment.md}) and to a caller with a key, the
 * details too. The HTTP status follows the health status as Micronaut's own filter, replaced here, sets it:
 * {@code endpoints.health.status.http-mapping}, else 503 for a status that is not operational ({@code DOWN}).
 *
 * <p>It matches every path and looks at the answer's body: while every server filter matches every path, the framework
 * keeps one sorted list of them, where a filter with a pattern makes it match and sort every filter on every request.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Replaces(HealthResultFilter.class)
@Requires(beans = HealthEndpoint.class)
final class HealthAnswerFilter {
    private final ApiClients clients;
    private final Integer managementPort;
    private final Map<String, HttpStatus> statusByHealth;

    HealthAnswerFilter(ApiClients clients, HealthEndpoint endpoint,
                       @Value("${endpoints.all.port}") @Nullable Integer managementPort) {
        this.clients = clients;
        this.managementPort = managementPort;
        this.statusByHealth = endpoint.getStatusConfiguration().getHttpMapping();
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof HealthResult health)) {
            return;
        }
        if (!mayReadDetails(request)) {
            response.body(HealthResult.builder(health.getName(), health.getStatus()).build());
        }
        HealthStatus status = health.getStatus();
        HttpStatus mapped = statusByHealth.get(status.getName());
        if (mapped != null) {
            response.status(mapped);
        } else if (!status.getOperational().orElse(true)) {
            response.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    private boolean mayReadDetails(HttpRequest<?> request) {
        if (managementPort != null && request.getServerAddress().getPort() == managementPort) {
            return true;
        }
        String key = AuthorizationHeader.bearerCredential(AuthorizationHeader.ofOrNone(request));
        return key != null && clients.authenticate(key).isPresent();
    }
}
