package dev.slotbridge.server.shutdown;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Api.Reply;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A draining instance: readiness DOWN, new requests 503 {@code shutting-down} with {@code Retry-After}. */
@MicronautTest
final class DrainingApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ShutdownGate gate;

    @Test
    void aDrainingInstanceIsNotReadyAndRefusesNewRequests() {
        Api api = new Api(server.getURI(), json);
        assertThat(api.get(null, "/health/readiness").status()).isEqualTo(200);

        gate.drain();

        Reply readiness = api.get(null, "/health/readiness");
        Reply refused = api.get(OPS_KEY, "/v1/councils");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.body()).containsEntry("status", "DOWN");
        assertThat(refused.status()).isEqualTo(503);
        assertThat(refused.string("type")).endsWith("/shutting-down");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
    }
}
