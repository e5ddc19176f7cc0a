package dev.slotbridge.server.events;

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

    /**
     * What tells this change from an earlier one of the same type: a move's or a change's window and status; nothing
     * for a creation or a cancel. The same change recorded twice is one event.
     */
    String version() {
        return switch (type) {
            case CREATED, CANCELLED -> "";
            case RESCHEDULED, CHANGED -> BookingWindows.of(booking);
        };
    }
}
