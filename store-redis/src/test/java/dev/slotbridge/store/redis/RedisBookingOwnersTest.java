package dev.slotbridge.store.redis;

import dev.slotbridge.engine.security.BookingOwners;
import dev.slotbridge.engine.security.BookingOwnersContract;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The booking owners contract on a real Redis, which forgets a maker by its own clock. */
final class RedisBookingOwnersTest extends BookingOwnersContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    @Override
    protected BookingOwners createOwners(Duration ownerTtl) {
        StoreProperties properties = redis.properties(StoreProperties.Redis.LEGACY);
        return new RedisBookingOwners(redis.replica(StoreProperties.Redis.LEGACY),
                new StoreProperties(properties.type(), properties.claimLease(), ownerTtl, properties.redis()));
    }

    @Override
    protected void elapse(Duration time) {
        super.elapse(time);
        redis.elapse(time);
    }
}
