package dev.slotbridge.spi.model;

import java.util.Map;

/** Identifies a hold at the scheduler (a reservation); see {@link OpaqueKey}. The server keeps it, never shows it. */
public record HoldKey(Map<String, String> values) implements OpaqueKey {
    public HoldKey {
        values = KeyValues.copyOf(values);
    }

    public static HoldKey of(String... namesAndValues) {
        return new HoldKey(KeyValues.ofPairs(namesAndValues));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HoldKey key && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
