package dev.slotbridge.engine.search;

import com.github.benmanes.caffeine.cache.Cache;
import dev.slotbridge.engine.store.MemoryCaches;
import dev.slotbridge.spi.model.Slot;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AvailabilityCache} in this process, kept as Redis keeps it: one entry per council and property (which a write
 * there drops whole), gone when its newest search's time is up, each search ending at its own time. At most
 * {@value #MAX_WEIGHT} searches and slots in all (each search weighs one plus its slots: 9 MB measured full of
 * 20-slot searches); past it the property least likely to be searched again is dropped, and its next search asks the
 * scheduler.
 */
@Singleton
@Secondary
final class InMemoryAvailabilityCache implements AvailabilityCache {
    static final long MAX_WEIGHT = 20_000;

    private record Search(List<Slot> slots, Instant expires) {
    }

    /** A property's searches, kept until the last of them expires. */
    private record Property(Map<SearchKey, Search> searches, Instant expiresAt) implements MemoryCaches.Expiring {
        Property with(SearchKey key, Search search, Instant now) {
            Map<SearchKey, Search> kept = new HashMap<>();
            searches.forEach((other, was) -> {
                if (was.expires().isAfter(now)) {
                    kept.put(other, was);
                }
            });
            kept.put(key, search);
            Instant last = kept.values().stream().map(Search::expires).max(Instant::compareTo).orElseThrow();
            return new Property(Map.copyOf(kept), last);
        }

        int weight() {
            return searches.values().stream().mapToInt(search -> 1 + search.slots().size()).sum();
        }
    }

    private final Cache<String, Property> byProperty;
    private final Clock clock;

    InMemoryAvailabilityCache(Clock clock) {
        this.clock = clock;
        this.byProperty = MemoryCaches.on(clock).maximumWeight(MAX_WEIGHT)
                .<String, Property>weigher((property, searches) -> searches.weight())
                .expireAfter(new MemoryCaches.EachItsOwn<>()).build();
    }

    @Override
    public Optional<List<Slot>> find(SearchKey key) {
        Property property = byProperty.getIfPresent(property(key.council(), key.propertyRef()));
        Search search = property == null ? null : property.searches().get(key);
        if (search == null || !search.expires().isAfter(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(search.slots());
    }

    @Override
    public void put(SearchKey key, List<Slot> slots, Duration ttl) {
        Instant now = clock.instant();
        Search search = new Search(List.copyOf(slots), now.plus(ttl));
        byProperty.asMap().compute(property(key.council(), key.propertyRef()), (name, was) ->
                (was == null ? new Property(Map.of(), now) : was).with(key, search, now));
    }

    @Override
    public void forget(String council, String propertyRef) {
        byProperty.invalidate(property(council, propertyRef));
    }

    /** How many searches and slots are kept, once evictions due are done. */
    long weight() {
        byProperty.cleanUp();
        return byProperty.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    private static String property(String council, String propertyRef) {
        return council + "|" + propertyRef;
    }
}
