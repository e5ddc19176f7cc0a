package dev.slotbridge.spi.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A slot the scheduler holds for a job.
 *
 * @param key       what the provider needs to confirm or release the hold
 * @param expiresAt when the scheduler's hold ends: no earlier than the instant asked for
 */
public record HeldSlot(HoldKey key, Instant expiresAt) {
    public HeldSlot {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
    }
}
