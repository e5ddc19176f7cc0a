package dev.slotbridge.engine.security;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link LeastPrivilegeApiTest}, with the Redis store: what held with the memory store holds with Redis too. */
@MicronautTest(propertySources = "classpath:operator/least-privilege.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class LeastPrivilegeApiOnRedisTest extends LeastPrivilegeApiTest implements RunsOnRedis {
}
