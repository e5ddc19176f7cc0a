package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A schedule-of-rates line; {@code quantity} defaults to 1. */
@Serdeable
public record JobCodeBody(
        @Nullable String code,
        @Nullable Integer quantity) {
}
