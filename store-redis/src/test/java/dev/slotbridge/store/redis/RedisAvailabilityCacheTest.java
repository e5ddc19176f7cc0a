package dev.slotbridge.store.redis;

import dev.slotbridge.engine.search.AvailabilityCache;
import dev.slotbridge.engine.search.AvailabilityCacheContract;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The availability cache contract on a real Redis, writing the earlier versions' format (this release's default). */
class RedisAvailabilityCacheTest extends AvailabilityCacheContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    /** The format the cache writes. */
    String writeFormat() {
        return StoreProperties.Redis.LEGACY;
    }

    @Override
    protected AvailabilityCache createCache() {
        return new RedisAvailabilityCache(redis.replica(writeFormat()), clock);
    }
}
