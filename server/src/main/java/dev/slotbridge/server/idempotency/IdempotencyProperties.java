package dev.slotbridge.server.idempotency;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * {@code slotbridge.idempotency}: how long an answer is kept, how many live keys each API client may hold at most, and
 * how long a repeat waits for the first request with its key to finish.
 */
@ConfigurationProperties("slotbridge.idempotency")
public record IdempotencyProperties(
        @Bindable(defaultValue = "24h") Duration ttl,
        @Bindable(defaultValue = "10000") int maxEntries,
        @Bindable(defaultValue = "60s") Duration waitForInFlight) {
}
