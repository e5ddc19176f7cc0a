package dev.slotbridge.server.security;

import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import dev.slotbridge.server.metrics.SchedulerMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits each client (API key) to its {@code rate-limit} of requests per period, across all councils. Past it:
 * 429 {@code rate-limited} with {@code Retry-After} in whole seconds. Runs after the key filter.
 */
@ServerFilter("/v1/**")
final class ClientRateLimiter implements Ordered {
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final SchedulerMetrics metrics;

    ClientRateLimiter(SchedulerMetrics metrics, List<ClientProperties> clients) {
        this.metrics = metrics;
        clients.forEach(client -> metrics.client(client.name()));
    }

    @RequestFilter
    void limit(HttpRequest<?> request) {
        ApiClient client = request.getAttribute(ApiClient.ATTRIBUTE, ApiClient.class).orElseThrow();
        RateLimiter limiter = limiters.computeIfAbsent(client.name(), name -> RateLimiter.of(name,
                RateLimiterConfig.custom()
                        .limitForPeriod(client.rateLimit().requests())
                        .limitRefreshPeriod(client.rateLimit().period())
                        .timeoutDuration(Duration.ZERO)
                        .build()));
        if (!limiter.acquirePermission()) {
            metrics.rateLimited(client.name());
            throw new ApiProblemException(ProblemType.RATE_LIMITED,
                    "This API key has made more than " + client.rateLimit().requests() + " requests in "
                            + client.rateLimit().period() + "; slow down", null,
                    Map.of(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds(limiter, client.rateLimit()))));
        }
    }

    /** Until the next permit: exact from resilience4j's default limiter, else the whole period. */
    private static long retryAfterSeconds(RateLimiter limiter, RateLimit rateLimit) {
        long nanos = limiter instanceof AtomicRateLimiter atomic
                ? atomic.getDetailedMetrics().getNanosToWait() : rateLimit.period().toNanos();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
