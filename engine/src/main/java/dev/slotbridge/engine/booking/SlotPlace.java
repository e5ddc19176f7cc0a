package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.spi.model.Slot;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The place a slot offers: its window, as the instants it starts and ends. A hold Slotbridge keeps in its store
 * withholds the place from everyone else, whatever job or order the scheduler's slot keys name — Connect's slot keys
 * carry the order, and its availability does not say how many places a window has left, so a held window is hidden
 * from every other search and booking until the hold ends.
 */
public record SlotPlace(Instant start, Instant end) {
    private static final String START = "start";
    private static final String END = "end";

    public SlotPlace {
        Objects.requireNonNull(start, "start is null");
        Objects.requireNonNull(end, "end is null");
    }

    public static SlotPlace of(Slot slot) {
        return of(slot.start(), slot.end());
    }

    /** The signed slot's place; null for a slot id an earlier version issued, which does not say when it is. */
    public static SlotPlace of(CouncilRefs.SignedSlot slot) {
        return slot.start() == null || slot.end() == null ? null : of(slot.start(), slot.end());
    }

    public static SlotPlace of(OffsetDateTime start, OffsetDateTime end) {
        return new SlotPlace(start.toInstant(), end.toInstant());
    }

    /** As the stores keep it. */
    public Map<String, String> values() {
        return Map.of(START, start.toString(), END, end.toString());
    }

    /** From what a store kept; empty for a record an earlier version wrote, which kept no place. */
    public static Optional<SlotPlace> from(Map<String, String> values) {
        if (values == null || values.size() != 2 || !values.containsKey(START) || !values.containsKey(END)) {
            return Optional.empty();
        }
        return Optional.of(new SlotPlace(Instant.parse(values.get(START)), Instant.parse(values.get(END))));
    }
}
