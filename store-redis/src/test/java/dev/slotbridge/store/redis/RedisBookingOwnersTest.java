package dev.slotbridge.store.redis;

import dev.slotbridge.engine.security.BookingOwners;
import dev.slotbridge.engine.security.BookingOwnersContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** The booking owners contract on a real Redis, which forgets a maker by its own clock. */
final class RedisBookingOwnersTest extends BookingOwnersContract {
    private FreshRedis redis;

    @Override
    protected BookingOwners createOwners(Duration ownerTtl) {
        redis = new FreshRedis(ownerTtl);
        return new RedisBookingOwners(redis.replica(), redis.properties());
    }

    @Override
    protected void elapse(Duration time) {
        super.elapse(time);
        redis.elapse(time);
    }

    @AfterEach
    void close() throws Exception {
        redis.close();
    }
}
