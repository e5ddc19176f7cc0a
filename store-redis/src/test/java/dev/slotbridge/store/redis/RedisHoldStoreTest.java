package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.HoldStore;
import dev.slotbridge.engine.booking.HoldStoreContract;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hold store contract on a real Redis, writing the earlier versions' format (this release's default). */
class RedisHoldStoreTest extends HoldStoreContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    /** The format the store writes. */
    String writeFormat() {
        return StoreProperties.Redis.LEGACY;
    }

    @Override
    protected HoldStore createStore() {
        return new RedisHoldStore(redis.replica(writeFormat()), clock);
    }
}
