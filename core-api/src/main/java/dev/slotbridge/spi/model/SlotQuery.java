package dev.slotbridge.spi.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A search for free slots for a job, from {@code from} 00:00 to {@code to} 24:00 in the council's time zone.
 * The server guarantees {@code from <= to} and at most 62 days between them.
 *
 * @param contact the tenant's contact when the caller gave one with the search, else null. A scheduler that creates
 *                its order at search time and takes the contact only then (Connect's {@code OrderContact}) stores it
 *                from here; any other provider ignores it.
 */
public record SlotQuery(Job job, LocalDate from, LocalDate to, Contact contact) {
    public SlotQuery {
        Objects.requireNonNull(job, "job is null");
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    /** A search without a contact. */
    public SlotQuery(Job job, LocalDate from, LocalDate to) {
        this(job, from, to, null);
    }
}
