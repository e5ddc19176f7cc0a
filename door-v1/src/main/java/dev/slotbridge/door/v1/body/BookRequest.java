package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/councils/{council}/bookings}: a {@code slotId}, or the {@code holdId} of a hold on the slot. */
@Serdeable
public record BookRequest(
        @Nullable String slotId,
        @Nullable String holdId,
        @Nullable JobBody job,
        @Nullable ContactBody contact,
        @Nullable String accessNotes) {
}
