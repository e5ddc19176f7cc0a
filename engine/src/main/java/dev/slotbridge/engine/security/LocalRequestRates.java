package dev.slotbridge.engine.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RequestRates} in this process: a resilience4j rate limiter per client. */
@Singleton
@Secondary
public final class LocalRequestRates implements RequestRates {
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();

    @Override
    public Optional<Duration> acquire(ApiClient client) {
        RateLimiter limiter = limiters.computeIfAbsent(client.name(), name -> RateLimiter.of(name,
                RateLimiterConfig.custom()
                        .limitForPeriod(client.rateLimit().requests())
                        .limitRefreshPeriod(client.rateLimit().period())
                        .timeoutDuration(Duration.ZERO)
                        .build()));
        if (limiter.acquirePermission()) {
            return Optional.empty();
        }
        return Optional.of(limiter instanceof AtomicRateLimiter atomic
                ? Duration.ofNanos(atomic.getDetailedMetrics().getNanosToWait()) : client.rateLimit().period());
    }
}
