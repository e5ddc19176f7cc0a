package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link IdempotencyCapacityApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Property(name = "slotbridge.idempotency.max-entries", value = "2")
final class IdempotencyCapacityApiOnRedisTest extends IdempotencyCapacityApiTest implements RunsOnRedis {
}
