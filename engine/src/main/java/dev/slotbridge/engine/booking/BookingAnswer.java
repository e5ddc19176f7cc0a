package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.spi.model.Booking;

/** How a front door answers a booking made: the answer kept for replays of the same {@code Idempotency-Key}. */
@FunctionalInterface
public interface BookingAnswer {
    StoredAnswer created(Council council, String bookingRef, Booking booking);
}
