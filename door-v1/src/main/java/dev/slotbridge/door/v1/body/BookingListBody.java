package dev.slotbridge.door.v1.body;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The bookings the scheduler holds at a property. */
@Serdeable
public record BookingListBody(List<BookingBody> bookings) {
}
