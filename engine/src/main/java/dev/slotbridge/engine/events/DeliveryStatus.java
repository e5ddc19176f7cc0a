package dev.slotbridge.engine.events;

/** Where a webhook delivery is. */
public enum DeliveryStatus {
    /** Not yet accepted by the receiver: sent at its next attempt. */
    PENDING,
    /** The receiver answered 2xx. */
    DELIVERED,
    /** Every attempt of the retry schedule failed: dead-lettered until redelivered. */
    FAILED
}
