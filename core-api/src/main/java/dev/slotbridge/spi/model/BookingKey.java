package dev.slotbridge.spi.model;

import java.util.Map;

/** Identifies a booking at the scheduler; see {@link OpaqueKey}. It must not change when the booking is rescheduled. */
public record BookingKey(Map<String, String> values) implements OpaqueKey {
    public BookingKey {
        values = KeyValues.copyOf(values);
    }

    public static BookingKey of(String... namesAndValues) {
        return new BookingKey(KeyValues.ofPairs(namesAndValues));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BookingKey key && values.equals(key.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }
}
