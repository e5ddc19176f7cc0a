package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The window a booking holds. */
@Serdeable
public record BookedSlotBody(String start,
                       String end, @Nullable String label) {
}
