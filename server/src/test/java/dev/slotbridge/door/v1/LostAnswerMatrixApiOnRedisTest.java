package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link LostAnswerMatrixApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class LostAnswerMatrixApiOnRedisTest extends LostAnswerMatrixApiTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }
}
