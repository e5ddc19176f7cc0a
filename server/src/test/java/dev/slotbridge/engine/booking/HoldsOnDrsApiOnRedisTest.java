package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link HoldsOnDrsApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest(propertySources = "classpath:operator/holds-on-drs-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HoldsOnDrsApiOnRedisTest extends HoldsOnDrsApiTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }
}
