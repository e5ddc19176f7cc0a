package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The repair job, as sent in a booking and as shown on one. */
@Serdeable
public record JobBody(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "3670010", maxLength = 100) @Nullable String propertyRef,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, minLength = 1) @Nullable List<JobCodeBody> jobCodes,
        @Schema(example = "Priority 20 Days", maxLength = 100) @Nullable String priority,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "HMS-12345659", maxLength = 100) @Nullable String externalRef,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Kitchen tap leaking under sink", minLength = 1, maxLength = 255)
        @Nullable String description) {
}
