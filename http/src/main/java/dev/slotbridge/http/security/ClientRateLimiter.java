package dev.slotbridge.http.security;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.ApiClients;
import dev.slotbridge.engine.security.RequestRates;
import jakarta.inject.Singleton;

/**
 * Limits each client (API key) to its {@code rate-limit} of requests per period, across all councils and, with the
 * Redis store, across all replicas ({@link RequestRates}). Past it:
 * 429 {@code rate-limited} with {@code Retry-After} in whole seconds. Every door admits each call of an authenticated
 * client here ({@link ApiCallerFilter} for {@code /v1}).
 */
@Singleton
public final class ClientRateLimiter {
    private final RequestRates rates;
    private final SchedulerMetrics metrics;

    ClientRateLimiter(RequestRates rates, SchedulerMetrics metrics, ApiClients clients) {
        this.rates = rates;
        this.metrics = metrics;
        clients.all().forEach(client -> metrics.client(client.name()));
    }

    /** Counts a request of the client; past its rate limit, 429 {@code rate-limited} with {@code Retry-After}. */
    public void admit(ApiClient client) {
        rates.acquire(client).ifPresent(wait -> {
            metrics.rateLimited(client.name());
            throw new ProblemException(ProblemType.RATE_LIMITED,
                    "This API key has made more than " + client.rateLimit().requests() + " requests in "
                            + client.rateLimit().period() + "; slow down", null,
                    Math.max(1, (wait.toNanos() + 999_999_999L) / 1_000_000_000L));
        });
    }
}
