package dev.slotbridge.spi.model;

import java.util.Map;
import java.util.Objects;

/**
 * A booking as the scheduler holds it.
 *
 * @param key          identifies the booking for {@code find}, {@code reschedule} and {@code cancel}
 * @param providerRefs the scheduler's own identifiers, for support staff (e.g. {@code orderId}, {@code bookingId})
 * @param slot         the visit window; null only for a {@code CANCELLED} booking the scheduler no longer shows
 * @param job          null only for a {@code CANCELLED} booking the scheduler no longer shows
 * @param contact      may be null, as may {@code accessNotes}
 */
public record Booking(BookingKey key, BookingStatus status, BookedSlot slot, Job job, Contact contact,
                      String accessNotes, Map<String, String> providerRefs) {
    public Booking {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(status, "status is null");
        if (status != BookingStatus.CANCELLED) {
            Objects.requireNonNull(slot, "slot is null");
            Objects.requireNonNull(job, "job is null");
        }
        providerRefs = Map.copyOf(providerRefs);
    }

    /** A booking that was cancelled and that the scheduler no longer shows: only its key and references are known. */
    public static Booking vanished(BookingKey key, Map<String, String> providerRefs) {
        return new Booking(key, BookingStatus.CANCELLED, null, null, null, null, providerRefs);
    }

    public Booking withStatus(BookingStatus newStatus) {
        return new Booking(key, newStatus, slot, job, contact, accessNotes, providerRefs);
    }

    public Booking withSlot(BookedSlot newSlot) {
        return new Booking(key, status, newSlot, job, contact, accessNotes, providerRefs);
    }
}
