package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/** Who to contact about the visit; every field optional. */
@Serdeable
public record ContactBody(
        @Schema(example = "Ann Tenant", maxLength = 100) @Nullable String name,
        @Schema(example = "07700900123", maxLength = 32) @Nullable String phone,
        @Schema(example = "ann@example.org", maxLength = 254) @Nullable String email) {
}
