package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** A free slot; {@code slotId} is opaque and books exactly this slot at this council. */
@Serdeable
public record SlotBody(String slotId, OffsetDateTime start, OffsetDateTime end, @Nullable String label,
                       boolean preferred) {
}
