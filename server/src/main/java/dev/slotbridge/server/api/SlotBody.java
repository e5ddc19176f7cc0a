package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;


/** A free slot; {@code slotId} is opaque and books exactly this slot at this council. */
@Serdeable
public record SlotBody(String slotId, @Schema(format = "date-time", example = "2026-03-02T08:00:00Z") String start,
                       @Schema(format = "date-time", example = "2026-03-02T12:00:00Z") String end, @Nullable String label,
                       boolean preferred) {
}
