package dev.slotbridge.spi.support;

import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The order every search answer is in: each slot once (by key; the first seen is kept), sorted by start, then end,
 * then label (unlabelled first). Providers merging several calls and the server use the same rule.
 */
public final class SlotLists {
    private static final Comparator<Slot> ORDER = Comparator.comparing((Slot slot) -> slot.start().toInstant())
            .thenComparing(slot -> slot.end().toInstant())
            .thenComparing(Slot::label, Comparator.nullsFirst(Comparator.naturalOrder()));

    private SlotLists() {
    }

    /** The slots, each key once, in order. */
    public static List<Slot> merged(Collection<Slot> slots) {
        Map<SlotKey, Slot> unique = new LinkedHashMap<>();
        slots.forEach(slot -> unique.putIfAbsent(slot.key(), slot));
        return unique.values().stream().sorted(ORDER).toList();
    }
}
