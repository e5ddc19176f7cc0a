package dev.slotbridge.server.api;

import dev.slotbridge.server.booking.VisibleBooking;
import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.events.EventData;
import dev.slotbridge.spi.model.Booking;
import jakarta.inject.Singleton;

/** An event's {@code data}: the booking exactly as {@code GET /v1/.../bookings/{ref}} shows it to the receiver. */
@Singleton
final class BookingEventData implements EventData {
    private final ApiMapping mapping;

    BookingEventData(ApiMapping mapping) {
        this.mapping = mapping;
    }

    @Override
    public Object booking(Council council, String bookingRef, Booking booking, boolean withPersonalData) {
        return mapping.booking(council, new VisibleBooking(bookingRef, booking, withPersonalData));
    }
}
