package dev.slotbridge.engine.search;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.metrics.SearchMetrics;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Asks a council's scheduler for slots with as few calls as a tenant has to wait on: identical searches in flight
 * share one call ({@link SearchCoalescer}, always); with the council's {@code cache.ttl} (1 s to 10 min, off unless
 * set) a repeated search within it makes none ({@link AvailabilityCache}), and a write at a property drops that
 * property's cached slots. A stale slot cannot be double-booked: booking always asks the scheduler (409 when gone).
 */
@Singleton
public final class SchedulerSearch {
    private final SearchCoalescer coalescer;
    private final AvailabilityCache cache;
    private final SearchMetrics metrics;
    private final Map<String, Duration> ttls = new HashMap<>();

    SchedulerSearch(SearchCoalescer coalescer, AvailabilityCache cache, SearchMetrics metrics,
                    SlotbridgeConfiguration configuration) {
        this.coalescer = coalescer;
        this.cache = cache;
        this.metrics = metrics;
        configuration.root().entries("councils").forEach((council, settings) ->
                settings.section("cache").duration("ttl").ifPresent(ttl -> ttls.put(council, ttl)));
    }

    public List<Slot> search(Council council, SlotQuery query) {
        SearchKey key = SearchKey.of(council.id(), query);
        Duration ttl = ttls.get(council.id());
        if (ttl != null) {
            Optional<List<Slot>> cached = cache.find(key);
            if (cached.isPresent()) {
                metrics.cached(council.id());
                return cached.get();
            }
        }
        return coalescer.search(key, () -> {
            List<Slot> slots = council.provider().search(query);
            if (ttl != null) {
                cache.put(key, slots, ttl);
            }
            return slots;
        });
    }

    /** A booking, move, cancel or hold at the property: its cached slots are no longer what the scheduler offers. */
    public void changedAt(Council council, String propertyRef) {
        if (propertyRef != null && ttls.containsKey(council.id())) {
            cache.forget(council.id(), propertyRef);
        }
    }
}
