package dev.slotbridge.store.redis;

import dev.slotbridge.engine.store.StoreProperties;

/** The availability cache contract on a real Redis, writing JSON. */
final class RedisAvailabilityCacheJsonTest extends RedisAvailabilityCacheTest {
    @Override
    String writeFormat() {
        return StoreProperties.Redis.JSON;
    }
}
