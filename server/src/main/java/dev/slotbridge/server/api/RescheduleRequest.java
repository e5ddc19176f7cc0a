package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST .../bookings/{bookingRef}/reschedule}. */
@Serdeable
public record RescheduleRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a slotId from a search") @Nullable String slotId) {
}
