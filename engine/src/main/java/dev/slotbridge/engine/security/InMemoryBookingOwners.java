package dev.slotbridge.engine.security;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@link BookingOwners} in this instance's memory: the latest 100,000 bookings (about 30 MB: a signed ref is some 150
 * characters, so a million would not fit the 256 MB heap the launcher sets). Past that the
 * oldest owner is forgotten, which fails closed: a {@code manage-own} client no longer sees that booking (404), a
 * {@code manage-all} client still does.
 */
@Singleton
@Secondary
final class InMemoryBookingOwners implements BookingOwners {
    private static final int MAX = 100_000;

    private final Map<String, String> owners = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    @Override
    public synchronized void record(String council, String bookingRef, String client) {
        owners.put(council + '/' + bookingRef, client);
    }

    @Override
    public synchronized Optional<String> owner(String council, String bookingRef) {
        return Optional.ofNullable(owners.get(council + '/' + bookingRef));
    }
}
