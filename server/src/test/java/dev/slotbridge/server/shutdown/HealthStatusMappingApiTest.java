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

/**
 * The health answer's HTTP status follows {@code endpoints.health.status.http-mapping} when an operator sets one
 * ({@code operator/health-status-mapping.yml}: DOWN is 200), with details still for callers with a key only.
 */
@MicronautTest(propertySources = "classpath:operator/health-status-mapping.yml")
final class HealthStatusMappingApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    ShutdownGate gate;

    @Test
    void aDownHealthIsAnsweredWithTheMappedStatus() {
        Api api = new Api(server.getURI(), json);
        assertThat(api.get(null, "/health/readiness").status()).isEqualTo(200);

        gate.drain();

        Reply stranger = api.get(null, "/health/readiness");
        Reply operator = api.get(OPS_KEY, "/health/readiness");
        assertThat(stranger.status()).isEqualTo(200);
        assertThat(stranger.body()).containsEntry("status", "DOWN");
        assertThat(stranger.body().get("details")).isNull();
        assertThat(operator.status()).isEqualTo(200);
        assertThat(operator.body().get("details")).isNotNull();
    }
}
