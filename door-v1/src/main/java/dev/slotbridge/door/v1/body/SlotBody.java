package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A free slot; {@code slotId} is opaque and books exactly this slot at this council. */
@Serdeable
public record SlotBody(String slotId, String start,
                       String end, @Nullable String label,
                       boolean preferred) {
}
