package dev.slotbridge.engine.booking;

import dev.slotbridge.spi.model.Slot;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AvailabilityCache} in this process; expired entries are dropped when the property's entries are next read. */
@Singleton
@Secondary
final class InMemoryAvailabilityCache implements AvailabilityCache {
    private record Entry(List<Slot> slots, Instant expires) {
    }

    private final Map<String, Map<SearchKey, Entry>> byProperty = new ConcurrentHashMap<>();
    private final Clock clock;

    InMemoryAvailabilityCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<List<Slot>> find(SearchKey key) {
        Map<SearchKey, Entry> entries = byProperty.get(property(key.council(), key.propertyRef()));
        if (entries == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        entries.values().removeIf(entry -> !entry.expires().isAfter(now));
        return Optional.ofNullable(entries.get(key)).map(Entry::slots);
    }

    @Override
    public void put(SearchKey key, List<Slot> slots, Duration ttl) {
        byProperty.computeIfAbsent(property(key.council(), key.propertyRef()), property -> new ConcurrentHashMap<>())
                .put(key, new Entry(List.copyOf(slots), clock.instant().plus(ttl)));
    }

    @Override
    public void forget(String council, String propertyRef) {
        byProperty.remove(property(council, propertyRef));
    }

    private static String property(String council, String propertyRef) {
        return council + "|" + propertyRef;
    }
}
