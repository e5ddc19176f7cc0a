package dev.slotbridge.store.redis;

import dev.slotbridge.engine.events.ToldBookingStore;
import dev.slotbridge.engine.events.ToldBookingStoreContract;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The told bookings contract on a real Redis, which forgets by its own clock. */
final class RedisToldBookingStoreTest extends ToldBookingStoreContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    @Override
    protected ToldBookingStore createStore() {
        return new RedisToldBookingStore(redis.replica(StoreProperties.Redis.LEGACY));
    }

    @Override
    protected void elapse(Duration time) {
        super.elapse(time);
        redis.elapse(time);
    }
}
