package dev.slotbridge.http.edge;

import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** A connection that sends half a request and then nothing is closed after the read-idle timeout. */
@MicronautTest
@Property(name = "micronaut.server.read-idle-timeout", value = "1s")
@Property(name = "micronaut.server.idle-timeout", value = "1s")
final class IdleConnectionApiTest {
    @Inject
    EmbeddedServer server;

    @Test
    void aHalfSentRequestIsClosedAfterTheReadIdleTimeout() throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();

            long started = System.nanoTime();
            while (in.read() >= 0) {
                // drain whatever the server says before it closes
            }

            assertThat((System.nanoTime() - started) / 1_000_000).as("closed well before the socket's own 15 s timeout")
                    .isLessThan(10_000);
        }
    }
}
