package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link SearchCallsApiTest} with the Redis store: the availability cache lives in Redis. */
@MicronautTest(propertySources = "classpath:operator/search-calls-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class SearchCallsApiOnRedisTest extends SearchCallsApiTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }

    @Override
    public Api api() {
        return api;
    }
}
