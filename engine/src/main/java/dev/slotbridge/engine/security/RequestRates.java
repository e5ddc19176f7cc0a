package dev.slotbridge.engine.security;

import java.time.Duration;
import java.util.Optional;

/**
 * Each client's request budget ({@code rate-limit}). {@link LocalRequestRates} counts in this process;
 * {@code RedisRequestRates} (module store-redis) counts across every replica, falling back to this process's count while Redis is down.
 */
public interface RequestRates {
    /** Empty when the request may go ahead; else how long until the next one may. */
    Optional<Duration> acquire(ApiClient client);
}
