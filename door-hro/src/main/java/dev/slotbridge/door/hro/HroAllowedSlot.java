package dev.slotbridge.door.hro;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** One slot the front end offers, in UK wall-clock time ({@code "08:00:00"}), from the search's JSON body. */
@Serdeable
record HroAllowedSlot(@Nullable String startTime, @Nullable String endTime) {
}
