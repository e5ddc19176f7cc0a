package dev.slotbridge.server.security;

import dev.slotbridge.server.api.ProblemAssertions;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.tck.TestClock;
import io.micronaut.context.annotation.Property;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The key check's edge: one Authorization header only, and guessing keys is throttled per address. */
@MicronautTest
@Property(name = "slotbridge.authentication.max-failures", value = "5")
final class AuthenticationEdgeApiTest {
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
    }

    @Test
    void twoAuthorizationHeadersAreRefusedNotFirstWins() {
        Reply reply = api.send(null, HttpRequest.newBuilder(server.getURI().resolve("/v1/councils"))
                .header("Authorization", "Bearer " + OPS_KEY).header("Authorization", "Bearer wrong"), Map.of());

        ProblemAssertions.assertProblem(reply, 400, "malformed-request");
        assertThat(reply.list("errors")).extracting(e -> e.get("field")).containsExactly("Authorization");
    }

    @Test
    void guessingKeysIsThrottledPerAddressUntilTheWindowPasses() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("guess-" + i, "/v1/councils").status()).isEqualTo(401);
        }

        Reply throttled = api.get(OPS_KEY, "/v1/councils");

        ProblemAssertions.assertProblem(throttled, 429, "rate-limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 61L);
        clock.advance(Duration.ofMinutes(1));
        assertThat(api.get(OPS_KEY, "/v1/councils").status()).isEqualTo(200);
    }
}
