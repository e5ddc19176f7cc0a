package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** {@code POST /v1/councils/{council}/bookings}. */
@Serdeable
public record BookRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, description = "a slotId from a search") @Nullable String slotId,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable JobBody job,
        @Nullable ContactBody contact,
        @Schema(example = "Dog in garden", maxLength = 1000) @Nullable String accessNotes) {
}
