package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Who to contact about the visit; every field optional. */
@Serdeable
public record ContactBody(
        @Nullable String name,
        @Nullable String phone,
        @Nullable String email) {
}
