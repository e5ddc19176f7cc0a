package dev.slotbridge.store.redis;

import dev.slotbridge.engine.store.StoreProperties;

/** The hold store contract on a real Redis, writing JSON. */
final class RedisHoldStoreJsonTest extends RedisHoldStoreTest {
    @Override
    String writeFormat() {
        return StoreProperties.Redis.JSON;
    }
}
