package dev.slotbridge.server.testing;

import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs an HTTP test class again with the Redis store: a subclass of the test, {@code @MicronautTest} and
 * {@code @TestInstance(PER_CLASS)}, implementing this. A test class with properties of its own merges them with
 * {@link #onRedis(Map)}.
 */
public interface RunsOnRedis extends TestPropertyProvider {

    /** The client for the server under test. */
    Api api();

    @Override
    default Map<String, String> getProperties() {
        return RedisStores.fresh();
    }

    /** The test's own properties, on the Redis store. */
    default Map<String, String> onRedis(Map<String, String> properties) {
        Map<String, String> merged = new HashMap<>(properties);
        merged.putAll(RedisStores.fresh());
        return merged;
    }

    @Test
    default void runsOnTheRedisStore() {
        assertThat(RedisStores.storeType(api())).isEqualTo("redis");
    }
}
