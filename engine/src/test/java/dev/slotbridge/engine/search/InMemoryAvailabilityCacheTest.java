package dev.slotbridge.engine.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract in this process, and its bounds: searches and slots kept in all, and expired searches dropped unread. */
final class InMemoryAvailabilityCacheTest extends AvailabilityCacheContract {
    @Override
    protected AvailabilityCache createCache() {
        return new InMemoryAvailabilityCache(clock);
    }

    private long weight() {
        return ((InMemoryAvailabilityCache) cache).weight();
    }

    @Test
    void searchesAndSlotsKeptInAllAreBounded() {
        for (int i = 0; i < 10_000; i++) {
            cache.put(search("council", "p" + i, "PLUMB"), slots("Morning"), TTL);
        }

        assertThat(weight()).as("10,000 searches of 2 slots weigh 30,000").isBetween(
                InMemoryAvailabilityCache.MAX_WEIGHT - 3, InMemoryAvailabilityCache.MAX_WEIGHT);
        assertThat(cache.find(search("council", "p9999", "PLUMB"))).as("the cache still works").isPresent();
    }

    @Test
    void aPropertyWhoseSearchesHaveAllExpiredIsDroppedWithoutBeingReadAgain() {
        cache.put(search("council", "p1", "PLUMB"), slots("a"), Duration.ofMinutes(1));
        cache.put(search("council", "p1", "ELEC"), slots("b"), Duration.ofMinutes(2));
        clock.advance(Duration.ofMinutes(1));
        assertThat(weight()).as("one search still live").isEqualTo(6);

        clock.advance(Duration.ofMinutes(1));

        assertThat(weight()).isZero();
    }
}
