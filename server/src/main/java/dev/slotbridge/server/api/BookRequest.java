package dev.slotbridge.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/councils/{council}/bookings}. */
@Serdeable
public record BookRequest(
        @Nullable String slotId,
        @Nullable JobBody job,
        @Nullable ContactBody contact,
        @Nullable String accessNotes) {
}
