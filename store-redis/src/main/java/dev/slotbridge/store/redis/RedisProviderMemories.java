package dev.slotbridge.store.redis;

import dev.slotbridge.engine.council.ProviderMemories;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.spi.ProviderMemory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link ProviderMemories} in Redis: {@code slotbridge:provider:<hash of council and key>}, each with the TTL the
 * provider gives. Redis unreachable: {@link dev.slotbridge.engine.store.StoreUnavailableException} (503).
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisProviderMemories implements ProviderMemories {
    private static final String OPERATION = "provider-memory";

    private final RedisStore redis;

    RedisProviderMemories(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public ProviderMemory forCouncil(String councilId) {
        return new ProviderMemory() {
            @Override
            public Optional<String> get(String key) {
                return Optional.ofNullable(redis.call(OPERATION, commands -> commands.get(name(key))));
            }

            @Override
            public void put(String key, String value, Duration ttl) {
                if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
                    throw new IllegalArgumentException("ttl must be at least one second");
                }
                redis.call(OPERATION, commands -> commands.psetex(name(key), ttl.toMillis(), value));
            }

            @Override
            public void remove(String key) {
                redis.call(OPERATION, commands -> commands.del(name(key)));
            }

            private String name(String key) {
                return RedisStore.key("provider", councilId, key);
            }
        };
    }
}
