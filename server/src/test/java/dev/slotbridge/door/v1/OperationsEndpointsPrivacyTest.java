package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Operations endpoints reveal nothing to strangers: on the public port health is a bare status unless the caller has
 * an API key; the management port ({@code endpoints.all.port}) serves the details, and metrics, to operators.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class OperationsEndpointsPrivacyTest implements TestPropertyProvider {
    private final int managementPort = freePort();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Api api;
    Api management;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("endpoints.all.port", Integer.toString(managementPort));
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        management = new Api(URI.create("http://127.0.0.1:" + managementPort), json);
    }

    @Test
    void theManagementPortShowsHealthDetailsWithoutAKey() {
        Reply readiness = management.get(null, "/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.map("details")).containsKey("councils").doesNotContainKey("diskSpace");
        assertThat(management.get(null, "/prometheus").status()).isEqualTo(200);
    }

    @Test
    void thePublicPortServesTheApiButNotTheOperationsEndpoints() {
        assertThat(api.get(OPS_KEY, "/v1/councils").status()).isEqualTo(200);
        assertThat(api.get(null, "/prometheus").status()).isEqualTo(404);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
