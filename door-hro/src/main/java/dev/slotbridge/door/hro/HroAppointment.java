package dev.slotbridge.door.hro;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * An appointment in the HACT shape the HRO client reads: the slot's instants in {@code timeOfDay}, the day at
 * midnight UTC in {@code date}; the rest as the original sends it.
 */
@Serdeable
record HroAppointment(String date, TimeOfDay timeOfDay, @Nullable String reference) {
    /** The original's constant for a completion time it does not know. */
    static final String UNKNOWN_COMPLETION = "0001-01-01T00:00:00";

    @Serdeable
    record TimeOfDay(@Nullable String name, String earliestArrivalTime, String latestArrivalTime,
                     String latestCompletionTime) {
    }
}
