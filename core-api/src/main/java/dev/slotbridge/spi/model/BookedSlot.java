package dev.slotbridge.spi.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/** The visit window a booking holds; {@code label} may be null. */
public record BookedSlot(OffsetDateTime start, OffsetDateTime end, String label) {
    public BookedSlot {
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(end, "end is null");
    }
}
