package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.RunsOnRedis;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/** {@link WebhookOutboxBoundTest} with the Redis store. */
@MicronautTest(propertySources = "classpath:operator/webhooks-bounded-outbox.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class WebhookOutboxBoundOnRedisTest extends WebhookOutboxBoundTest implements RunsOnRedis {
    @Override
    public Map<String, String> getProperties() {
        return onRedis(super.getProperties());
    }

    @Override
    public Api api() {
        return api;
    }
}
