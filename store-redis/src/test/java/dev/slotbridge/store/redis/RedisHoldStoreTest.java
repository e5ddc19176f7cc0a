package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.HoldStore;
import dev.slotbridge.engine.booking.HoldStoreContract;
import org.junit.jupiter.api.AfterEach;

/** The hold store contract on a real Redis. */
final class RedisHoldStoreTest extends HoldStoreContract {
    private final FreshRedis redis = new FreshRedis();

    @Override
    protected HoldStore createStore() {
        return new RedisHoldStore(redis.replica());
    }

    @AfterEach
    void close() throws Exception {
        redis.close();
    }
}
