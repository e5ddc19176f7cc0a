package dev.slotbridge.spi.model;

import java.util.Map;

/** Identifies a bookable slot at the scheduler; see {@link OpaqueKey}. Equal keys mean the same slot. */
public record SlotKey(Map<String, String> values) implements OpaqueKey {
    public SlotKey {
        values = KeyValues.copyOf(values);
    }

    public static SlotKey of(String... namesAndValues) {
        return new SlotKey(KeyValues.ofPairs(namesAndValues));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SlotKey key && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
