package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** A schedule-of-rates line; {@code quantity} defaults to 1. */
@Serdeable
public record JobCodeBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "N373049", maxLength = 100) @Nullable String code,
        @Schema(minimum = "1", maximum = "9999", defaultValue = "1") @Nullable Integer quantity) {
}
