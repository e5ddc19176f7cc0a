package dev.slotbridge.http.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted proxy ({@code operator/client-address-api.yml} trusts the tests' own 127.0.0.1) each client is
 * told apart by the right-most untrusted hop of {@code X-Forwarded-For}: failed authentications are counted per
 * client, not per proxy, a hop the client forged does not change whose they are, and the request line names it.
 */
@MicronautTest(propertySources = "classpath:operator/client-address-api.yml")
final class ClientAddressApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        clock.advance(FailedAuthentications.WINDOW);
    }

    @Test
    void failuresAreCountedPerClientBehindTheProxy() {
        for (int i = 0; i < 5; i++) {
            assertThat(get("guess-" + i, "198.51.100.1").status()).isEqualTo(401);
        }

        assertThat(get("guess-5", "198.51.100.1").status()).isEqualTo(429);
        assertThat(get("guess-6", "198.51.100.2").status()).as("another client of the same proxy").isEqualTo(401);
    }

    @Test
    void aHopTheClientForgedDoesNotChangeWhoseFailuresTheyAre() {
        for (int i = 0; i < 5; i++) {
            assertThat(get("guess-" + i, "203.0.113." + i + ", 198.51.100.3").status()).isEqualTo(401);
        }

        assertThat(get("guess-5", "203.0.113.5, 198.51.100.3").status()).isEqualTo(429);
    }

    @Test
    void theSameWrongKeyIsRefusedFromAnyAddressPastTheLimitWhileTheValidKeyWorks() {
        for (int i = 10; i < 15; i++) {
            assertThat(get("an-old-key", "198.51.100." + i).status()).isEqualTo(401);
        }

        assertThat(get("an-old-key", "198.51.100.15").status()).isEqualTo(429);
        assertThat(get("another-guess", "198.51.100.15").status()).isEqualTo(401);
        assertThat(get(OPS_KEY, "198.51.100.15").status()).isEqualTo(200);
    }

    @Test
    void theRequestLineNamesTheClientBehindTheProxy() {
        Logger requests = (Logger) LoggerFactory.getLogger("dev.slotbridge.request");
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        requests.addAppender(captured);
        requests.setLevel(Level.INFO);
        try {
            get(OPS_KEY, "2001:db8::7, 198.51.100.30");
        } finally {
            requests.detachAppender(captured);
            requests.setLevel(null);
        }

        assertThat(captured.list).extracting(ILoggingEvent::getFormattedMessage)
                .anySatisfy(line -> assertThat(line).contains("path=/v1/councils", "address=198.51.100.30"));
    }

    private Api.Reply get(String key, String forwardedFor) {
        return api.send(key, HttpRequest.newBuilder(server.getURI().resolve("/v1/councils")),
                Map.of("X-Forwarded-For", forwardedFor));
    }
}
