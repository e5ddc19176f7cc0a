package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/** Gives each HTTP test an {@link Api} client for the server its {@code @MicronautTest} started. */
abstract class ApiTestBase {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    Api api;

    @BeforeEach
    final void connect() {
        api = new Api(server.getURI(), json);
    }

    public Api api() {
        return api;
    }
}
