package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

/** {@link HoldQuotasApiTest} with the Redis store: each admission is one script over the client's counted holds. */
@MicronautTest(propertySources = "classpath:operator/hold-quotas.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HoldQuotasApiOnRedisTest extends HoldQuotasApiTest implements RunsOnRedis {
}
