package dev.slotbridge.door.hro;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** The booking body some front ends send: {@code {"Text": "<location> <repair description>"}}. */
@Serdeable
record HroBookingText(@JsonProperty("Text") @Nullable String text) {
}
