package dev.slotbridge.spi.model;

import java.util.Map;
import java.util.Objects;

/**
 * A booking as the scheduler holds it.
 *
 * @param key          identifies the booking for {@code find}, {@code reschedule} and {@code cancel}
 * @param providerRefs the scheduler's own identifiers, for support staff (e.g. {@code orderId}, {@code bookingId})
 * @param contact      may be null, as may {@code accessNotes}
 */
public record Booking(BookingKey key, BookingStatus status, BookedSlot slot, Job job, Contact contact,
                      String accessNotes, Map<String, String> providerRefs) {
    public Booking {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(status, "status is null");
        Objects.requireNonNull(slot, "slot is null");
        Objects.requireNonNull(job, "job is null");
        providerRefs = Map.copyOf(providerRefs);
    }

    public Booking withStatus(BookingStatus newStatus) {
        return new Booking(key, newStatus, slot, job, contact, accessNotes, providerRefs);
    }

    public Booking withSlot(BookedSlot newSlot) {
        return new Booking(key, status, newSlot, job, contact, accessNotes, providerRefs);
    }
}
