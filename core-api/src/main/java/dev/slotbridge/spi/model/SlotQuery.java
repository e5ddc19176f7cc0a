package dev.slotbridge.spi.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A search for free slots for a job, from {@code from} 00:00 to {@code to} 24:00 in the council's time zone.
 * The server guarantees {@code from <= to} and at most 62 days between them.
 */
public record SlotQuery(Job job, LocalDate from, LocalDate to) {
    public SlotQuery {
        Objects.requireNonNull(job, "job is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }
}
