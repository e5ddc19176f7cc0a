package dev.slotbridge.server.api;

import dev.slotbridge.server.testing.RedisStores;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link IdempotencyApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class IdempotencyApiOnRedisTest extends IdempotencyApiTest implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        return RedisStores.fresh();
    }

    @Test
    void runsOnTheRedisStore() {
        assertThat(RedisStores.storeType(api)).isEqualTo("redis");
    }
}
