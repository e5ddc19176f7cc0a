package dev.slotbridge.spi.model;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A free appointment slot.
 *
 * @param start     when the visit window opens
 * @param end       when it closes, after {@code start}
 * @param label     the scheduler's name for the window (e.g. "AM"), or null
 * @param preferred whether the scheduler marks it as a best or preferred slot
 * @param key       what the provider needs to book exactly this slot
 */
public record Slot(OffsetDateTime start, OffsetDateTime end, String label, boolean preferred, SlotKey key) {
    public Slot {
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(end, "end is null");
        Objects.requireNonNull(key, "key is null");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("end must be after start");
        }
    }

    /** The window of this slot as it appears on a booking. */
    public BookedSlot window() {
        return new BookedSlot(start, end, label);
    }
}
