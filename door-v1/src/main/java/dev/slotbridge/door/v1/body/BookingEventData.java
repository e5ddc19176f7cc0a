package dev.slotbridge.door.v1.body;

import dev.slotbridge.door.v1.mapping.ApiMapping;
import dev.slotbridge.engine.booking.VisibleBooking;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.events.EventData;
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
