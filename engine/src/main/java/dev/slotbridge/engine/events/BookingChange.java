package dev.slotbridge.engine.events;

import dev.slotbridge.spi.model.Booking;

import java.util.Optional;

/**
 * A change to a booking, to be told to the clients who want it.
 *
 * @param type       what happened
 * @param council    the council's id
 * @param bookingRef the booking's ref
 * @param booking    the booking as it now is
 * @param maker      the client that made it through Slotbridge, if one did
 */
public record BookingChange(EventType type, String council, String bookingRef, Booking booking, Optional<String> maker) {
}
