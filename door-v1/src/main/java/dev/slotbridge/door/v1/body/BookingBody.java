package dev.slotbridge.door.v1.body;

import dev.slotbridge.spi.model.BookingStatus;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.Map;

/** A booking; {@code providerRefs} are the scheduler's own ids, for support staff. */
@Serdeable
public record BookingBody(String bookingRef, String council, BookingStatus status, BookedSlotBody slot, JobBody job,
                          @Nullable ContactBody contact, @Nullable String accessNotes,
                          Map<String, String> providerRefs) {
}
