package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST .../bookings/{bookingRef}/reschedule}. */
@Serdeable
public record RescheduleRequest(
        @Nullable String slotId) {
}
