package dev.slotbridge.server.booking;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.spi.model.Booking;

/** How a front door answers a booking made: the answer kept for replays of the same {@code Idempotency-Key}. */
@FunctionalInterface
public interface BookingAnswer {
    StoredAnswer created(Council council, String bookingRef, Booking booking);
}
