package dev.slotbridge.engine.council;

import com.github.benmanes.caffeine.cache.Cache;
import dev.slotbridge.engine.store.MemoryCaches;
import dev.slotbridge.spi.ProviderMemory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The memory store's {@link ProviderMemories}: in this process, one per council (the same one each time asked), each
 * value until its time to live ends, at most {@value #MAX_PER_COUNCIL} values per council; past it the value least
 * likely to be read is forgotten (keep provider memory small: with many values, use the Redis store).
 */
@Singleton
@Secondary
final class InProcessProviderMemories implements ProviderMemories {
    static final int MAX_PER_COUNCIL = 100_000;

    private final Clock clock;
    private final Map<String, Memory> memories = new ConcurrentHashMap<>();

    InProcessProviderMemories(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProviderMemory forCouncil(String councilId) {
        return memories.computeIfAbsent(councilId, id -> new Memory(clock));
    }

    /** One council's values. */
    static final class Memory implements ProviderMemory {
        private record Value(String value, Instant expiresAt) implements MemoryCaches.Expiring {
        }

        private final Clock clock;
        private final Cache<String, Value> values;

        private Memory(Clock clock) {
            this.clock = clock;
            this.values = MemoryCaches.expiringEach(MAX_PER_COUNCIL, clock);
        }

        @Override
        public Optional<String> get(String key) {
            return Optional.ofNullable(values.getIfPresent(key)).map(Value::value);
        }

        @Override
        public void put(String key, String value, Duration ttl) {
            Objects.requireNonNull(value, "value is null");
            if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("ttl must be at least one second");
            }
            values.put(key, new Value(value, clock.instant().plus(ttl)));
        }

        @Override
        public void remove(String key) {
            values.invalidate(key);
        }

        /** How many values are kept, once evictions due are done. */
        long size() {
            values.cleanUp();
            return values.estimatedSize();
        }
    }
}
