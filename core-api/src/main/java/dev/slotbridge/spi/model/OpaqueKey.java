package dev.slotbridge.spi.model;

import java.util.Map;

/**
 * Provider-private values that identify a slot or a booking at the scheduler. The server signs them into the
 * public, tamper-evident {@code slotId} / {@code bookingRef} and hands them back unchanged, so a provider can put
 * whatever it needs to act later (ids, window bounds) without keeping state. Keep them small: they travel in URLs.
 */
public sealed interface OpaqueKey permits SlotKey, BookingKey, HoldKey {

    /** The provider's values: immutable, in name order; never null, possibly empty. */
    Map<String, String> values();

    /**
     * @throws IllegalArgumentException when the key lacks {@code name}: the provider made the key, so this is a bug
     */
    default String require(String name) {
        String value = values().get(name);
        if (value == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " has no '" + name + "'");
        }
        return value;
    }

    /** The immutable map of alternating names and values (a name given twice keeps its last value). */
    static Map<String, String> pairs(String... namesAndValues) {
        return KeyValues.ofPairs(namesAndValues);
    }
}
