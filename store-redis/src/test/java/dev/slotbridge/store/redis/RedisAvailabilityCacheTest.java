package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.AvailabilityCache;
import dev.slotbridge.engine.booking.AvailabilityCacheContract;
import org.junit.jupiter.api.AfterEach;

/** The availability cache contract on a real Redis. */
final class RedisAvailabilityCacheTest extends AvailabilityCacheContract {
    private final FreshRedis redis = new FreshRedis();

    @Override
    protected AvailabilityCache createCache() {
        return new RedisAvailabilityCache(redis.replica(), clock);
    }

    @AfterEach
    void close() throws Exception {
        redis.close();
    }
}
