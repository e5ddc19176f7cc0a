package dev.slotbridge.engine.events;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.spi.model.Booking;

/** How an event's {@code data} shows the booking: as {@code /v1} shows it (implemented by the API layer). */
@FunctionalInterface
public interface EventData {
    Object booking(Council council, String bookingRef, Booking booking, boolean withPersonalData);
}
