package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** {@code POST /v1/councils/{council}/appointment-search}. Dates are local to the council; at most 62 days apart. */
@Serdeable
public record SearchRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3670010", maxLength = 100) @Nullable String propertyRef,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) @Nullable List<JobCodeBody> jobCodes,
        @Schema(example = "Priority 20 Days", maxLength = 100) @Nullable String priority,
        @Schema(description = "the caller's order number (required by Connect councils)", maxLength = 100)
        @Nullable String externalRef,
        @Schema(maxLength = 255) @Nullable String description,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-03-02") @Nullable String from,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, format = "date", example = "2026-03-13") @Nullable String to) {
}
