package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link HoldsApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HoldsApiOnRedisTest extends HoldsApiTest implements RunsOnRedis {
}
