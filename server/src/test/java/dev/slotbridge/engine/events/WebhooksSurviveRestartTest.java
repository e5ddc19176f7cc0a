package dev.slotbridge.engine.events;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
import dev.slotbridge.store.redis.RedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on Redis outlives the server: a booking made by a server that stops before sending its event is
 * delivered by the next server on the same Redis.
 */
final class WebhooksSurviveRestartTest {

    /** A server configured by {@code operator/webhooks-survive-restart.yml}, its placeholders filled from the properties. */
    private static EmbeddedServer start(Map<String, Object> properties) {
        return ApplicationContext.builder().environments("test").properties(properties)
                .propertySources(OperatorYaml.propertySource("classpath:operator/webhooks-survive-restart.yml"))
                .run(EmbeddedServer.class);
    }

    @Test
    void anEventRecordedBeforeAStopIsDeliveredAfterTheRestart() throws Exception {
        try (RedisServer redis = RedisServer.start(); WebhookReceiver receiver = WebhookReceiver.start()) {
            Map<String, Object> properties = Map.of("redis.uri", redis.uri(), "receivers.ops", receiver.uri().toString());

            String bookingRef;
            try (EmbeddedServer first = start(properties)) {
                Api api = new Api(first.getURI(), first.getApplicationContext().getBean(JsonMapper.class));
                String slotId = (String) api.post(OPS_KEY, "/v1/councils/sandbox/appointment-search",
                        Requests.search("2026-03-03", "2026-03-03")).list("slots").getFirst().get("slotId");
                bookingRef = api.post(OPS_KEY, "/v1/councils/sandbox/bookings", Requests.book(slotId, "HMS-RESTART"))
                        .string("bookingRef");
            }
            assertThat(receiver.all()).as("the first server stopped before sending").isEmpty();

            try (EmbeddedServer second = start(properties)) {
                second.getApplicationContext().getBean(WebhookDispatcher.class).dispatch().join();
            }

            WebhookReceiver.Received received = receiver.next(Duration.ZERO);
            assertThat(received).isNotNull();
            assertThat(received.body()).contains("\"subject\":\"" + bookingRef + "\"")
                    .contains("dev.slotbridge.booking.created");
        }
    }
}
