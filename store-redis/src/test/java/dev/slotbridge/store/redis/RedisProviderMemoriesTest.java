package dev.slotbridge.store.redis;

import dev.slotbridge.engine.council.ProviderMemories;
import dev.slotbridge.engine.council.ProviderMemoriesContract;
import dev.slotbridge.engine.store.StoreProperties;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

/** The provider memories contract on a real Redis, which expires values by its own clock. */
final class RedisProviderMemoriesTest extends ProviderMemoriesContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    @Override
    protected ProviderMemories createMemories() {
        return new RedisProviderMemories(redis.replica(StoreProperties.Redis.LEGACY));
    }

    @Override
    protected void elapse(Duration time) {
        super.elapse(time);
        redis.elapse(time);
    }
}
