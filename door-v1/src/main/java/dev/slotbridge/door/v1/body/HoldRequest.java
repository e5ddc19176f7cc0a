package dev.slotbridge.door.v1.body;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code POST /v1/councils/{council}/holds}. */
@Serdeable
public record HoldRequest(@Nullable String slotId, @Nullable JobBody job) {
}
