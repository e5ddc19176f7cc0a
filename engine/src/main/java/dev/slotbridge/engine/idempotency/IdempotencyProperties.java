package dev.slotbridge.engine.idempotency;

import dev.slotbridge.config.ConfigSection;

import java.time.Duration;

/**
 * {@code slotbridge.idempotency}: how long an answer is kept, how many live keys and how many bytes of kept answers
 * each API client may hold at most, and how long a repeat waits for the first request with its key to finish.
 */
public record IdempotencyProperties(
        Duration ttl,
        int maxEntries,
        long maxBytes,
        Duration waitForInFlight) {

    /** From the validated {@code slotbridge.idempotency} section. */
    public static IdempotencyProperties from(ConfigSection idempotency) {
        return new IdempotencyProperties(idempotency.duration("ttl").orElseThrow(),
                Math.toIntExact(idempotency.wholeNumber("max-entries")),
                idempotency.wholeNumber("max-size-mb") * 1024 * 1024,
                idempotency.duration("wait-for-in-flight").orElseThrow());
    }
}
