package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link CallbacksApiTest} with the Redis store: what clients were last told of a booking is kept in Redis. */
@MicronautTest(propertySources = "classpath:operator/callbacks-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class CallbacksApiOnRedisTest extends CallbacksApiTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }

    @Override
    public Api api() {
        return api;
    }
}
