package dev.slotbridge.server.security;

import dev.slotbridge.server.testing.RedisStores;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LeastPrivilegeApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class LeastPrivilegeApiOnRedisTest extends LeastPrivilegeApiTest implements TestPropertyProvider {
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.putAll(RedisStores.fresh());
        return properties;
    }

    @Test
    void runsOnTheRedisStore() {
        assertThat(RedisStores.storeType(api)).isEqualTo("redis");
    }
}
