package dev.slotbridge.spi.support;

import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The order every search answer is in: each slot once (by key; the first seen is kept), sorted by start, then end,
 * then label (unlabelled first). Providers merging several calls and the server use the same rule.
 */
public final class SlotLists {
    private static final Comparator<Slot> ORDER = Comparator.comparing(Slot::start, OffsetDateTime.timeLineOrder())
            .thenComparing(Slot::end, OffsetDateTime.timeLineOrder())
            .thenComparing(Slot::label, Comparator.nullsFirst(Comparator.naturalOrder()));

    private SlotLists() {
    }

    /** The slots, each key once, in order: an unmodifiable list. */
    public static List<Slot> merged(Collection<Slot> slots) {
        Slot[] kept = new Slot[slots.size()];
        Set<SlotKey> seen = HashSet.newHashSet(kept.length);
        int count = 0;
        for (Slot slot : slots) {
            if (seen.add(slot.key())) {
                kept[count++] = slot;
            }
        }
        Arrays.sort(kept, 0, count, ORDER);
        return Collections.unmodifiableList(Arrays.asList(count == kept.length ? kept : Arrays.copyOf(kept, count)));
    }
}
