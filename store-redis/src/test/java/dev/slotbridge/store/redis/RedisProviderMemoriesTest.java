package dev.slotbridge.store.redis;

import dev.slotbridge.engine.council.ProviderMemories;
import dev.slotbridge.engine.council.ProviderMemoriesContract;
import org.junit.jupiter.api.AfterEach;

import java.time.Duration;

/** The provider memories contract on a real Redis, which expires values by its own clock. */
final class RedisProviderMemoriesTest extends ProviderMemoriesContract {
    private final FreshRedis redis = new FreshRedis();

    @Override
    protected ProviderMemories createMemories() {
        return new RedisProviderMemories(redis.replica());
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
