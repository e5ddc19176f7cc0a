package dev.slotbridge.engine.events;

import dev.slotbridge.config.ConfigSection;

/**
 * How much of the webhook outbox each endpoint may hold, the same on both stores: at most {@code undelivered}
 * deliveries not yet delivered (pending and dead-lettered; {@code slotbridge.webhooks.max-undelivered-per-endpoint}),
 * and the last {@link #DELIVERED} delivered ones. A new delivery past the bound pushes out the endpoint's oldest
 * dead-lettered deliveries first, then its oldest pending ones; never the new one.
 *
 * @param undelivered pending and dead-lettered deliveries kept per endpoint
 */
public record OutboxBound(int undelivered) {
    /** Delivered deliveries kept per endpoint: the deliveries list's largest page. */
    public static final int DELIVERED = 100;

    public OutboxBound {
        if (undelivered < 1) {
            throw new IllegalArgumentException("undelivered must be at least 1");
        }
    }

    /** From the validated {@code slotbridge.webhooks} section. */
    public static OutboxBound from(ConfigSection webhooks) {
        return new OutboxBound(Math.toIntExact(webhooks.wholeNumber("max-undelivered-per-endpoint")));
    }
}
