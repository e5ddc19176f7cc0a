package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST .../bookings/{bookingRef}/cancel}. */
@Serdeable
public record CancelBookingRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Tenant request", maxLength = 100) @Nullable String reason,
        @Schema(maxLength = 255) @Nullable String description) {
}
