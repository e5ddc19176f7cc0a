package dev.slotbridge.spi.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a scheduler's callback says changed. The server takes it as a cue, not as a fact: it reads the booking back
 * ({@link dev.slotbridge.spi.SchedulerProvider#findByExternalRef}) and tells clients what the scheduler shows.
 *
 * @param change      what happened to the booking
 * @param orderNumber the order number ({@code job.externalRef}) the booking was made with
 * @param propertyRef the property, when the callback names it
 * @param identity    key values that pick the booking among the order's ({@code bookingId} for DRS, {@code visit} for
 *                    Connect): a booking whose key holds all of them
 * @param window      the booking's window after the change, when it has one
 */
public record SchedulerNotice(Change change, String orderNumber, Optional<String> propertyRef,
                              Map<String, String> identity, Optional<BookedSlot> window) {
    public SchedulerNotice {
        Objects.requireNonNull(change, "change is null");
        Objects.requireNonNull(orderNumber, "orderNumber is null");
        identity = Map.copyOf(identity);
    }

    /** What happened, as far as the callback tells. */
    public enum Change {
        /** Booked or moved: the booking is in {@code window}. */
        BOOKED,
        /** The visit was removed. */
        CANCELLED,
        /** The work was completed. */
        COMPLETED
    }
}
