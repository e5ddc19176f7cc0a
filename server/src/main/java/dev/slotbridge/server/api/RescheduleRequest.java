package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST .../bookings/{bookingRef}/reschedule}. */
@Serdeable
public record RescheduleRequest(
        @Nullable String slotId) {
}
