package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.OffsetDateTime;

/** The window a booking holds. */
@Serdeable
public record BookedSlotBody(OffsetDateTime start, OffsetDateTime end, @Nullable String label) {
}
