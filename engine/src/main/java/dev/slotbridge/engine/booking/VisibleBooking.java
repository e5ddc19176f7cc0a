package dev.slotbridge.engine.booking;

import dev.slotbridge.spi.model.Booking;

/**
 * A booking as one API client may see it.
 *
 * @param bookingRef       its public, signed ref
 * @param withPersonalData whether the client may read its contact and access notes
 */
public record VisibleBooking(String bookingRef, Booking booking, boolean withPersonalData) {
}
