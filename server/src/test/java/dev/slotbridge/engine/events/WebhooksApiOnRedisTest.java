package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link WebhooksApiTest} with the Redis store: the outbox, retries, dead letters and redelivery on Redis. */
@MicronautTest(propertySources = "classpath:operator/webhooks-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class WebhooksApiOnRedisTest extends WebhooksApiTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }

    @Override
    public Api api() {
        return api;
    }
}
