package dev.slotbridge.engine.search;

import dev.slotbridge.spi.model.Slot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Slots a scheduler offered, kept for the council's {@code cache.ttl} (opt-in): a repeated search within it asks the
 * scheduler nothing. A booking, reschedule, cancel or hold at a property drops that property's entries. In this
 * process ({@link InMemoryAvailabilityCache}) or in Redis, shared by every replica ({@code RedisAvailabilityCache} (module store-redis)).
 * A store that fails is a miss, never a failed search.
 */
public interface AvailabilityCache {

    Optional<List<Slot>> find(SearchKey key);

    void put(SearchKey key, List<Slot> slots, Duration ttl);

    /** Drops every entry of the property at the council. */
    void forget(String council, String propertyRef);
}
