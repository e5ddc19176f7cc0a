package dev.slotbridge.http.security;

import dev.slotbridge.door.v1.ProblemAssertions;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.HroClient.Answer;
import dev.slotbridge.server.testing.HroClient;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edge of authentication: one Authorization header only, and failed authentications — API keys, HRO identifiers
 * and tokens, callback secrets — answered 429 past 5 a minute from an address ({@code
 * operator/authentication-edge-api.yml}), while a valid credential from that address is never refused.
 */
@MicronautTest(propertySources = "classpath:operator/authentication-edge-api.yml")
final class AuthenticationEdgeApiTest {
    private static final int GUESSES = 1000;
    private static final String IDENTIFIER = "hro-portal-identifier";
    private static final String CALLBACK_SECRET = "drs-callback-secret-0001";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    Api api;
    HroClient hro;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        hro = new HroClient(server.getURI(), "", IDENTIFIER, json);
        clock.advance(FailedAuthentications.WINDOW);
    }

    @Test
    void twoAuthorizationHeadersAreRefusedNotFirstWins() {
        Reply reply = api.send(null, HttpRequest.newBuilder(server.getURI().resolve("/v1/councils"))
                .header("Authorization", "Bearer " + OPS_KEY).header("Authorization", "Bearer wrong"), Map.of());

        ProblemAssertions.assertProblem(reply, 400, "malformed-request");
        assertThat(reply.list("errors")).extracting(e -> e.get("field")).containsExactly("Authorization");
    }

    @Test
    void wrongKeysPastTheLimitAre429UntilTheWindowEnds() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("guess-" + i, "/v1/councils").status()).isEqualTo(401);
        }

        Reply throttled = api.get("guess-5", "/v1/councils");

        ProblemAssertions.assertProblem(throttled, 429, "rate-limited");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        clock.advance(FailedAuthentications.WINDOW);
        assertThat(api.get("guess-6", "/v1/councils").status()).isEqualTo(401);
    }

    @Test
    void aForwardedAddressFromAPeerThatIsNoTrustedProxyIsIgnored() {
        for (int i = 0; i < 5; i++) {
            assertThat(api.send("guess-" + i, HttpRequest.newBuilder(server.getURI().resolve("/v1/councils")),
                    Map.of("X-Forwarded-For", "198.51.100." + i)).status()).isEqualTo(401);
        }

        assertThat(api.send("guess-5", HttpRequest.newBuilder(server.getURI().resolve("/v1/councils")),
                Map.of("X-Forwarded-For", "198.51.100.5")).status()).as("all from 127.0.0.1").isEqualTo(429);
    }

    @Test
    void aValidKeyWorksAtOnceAfterAThousandWrongOnesFromItsAddress() {
        for (int i = 0; i < GUESSES; i++) {
            api.get("guess-" + i, "/v1/councils");
        }

        assertThat(api.get("guess-" + GUESSES, "/v1/councils").status()).isEqualTo(429);
        assertThat(api.get(OPS_KEY, "/v1/councils").status()).isEqualTo(200);
    }

    @Test
    void aValidHroIdentifierAndItsTokenWorkAtOnceAfterManyWrongOnes() {
        for (int i = 0; i < 100; i++) {
            hro.send("POST", "/authentication?identifier=guess-" + i, null, null);
            hro.send("POST", "/Appointments/CancelAppointment?bookingReference=HRO-1", null, "forged.token." + i);
        }
        assertThat(hro.send("POST", "/authentication?identifier=guess", null, null).status()).isEqualTo(429);

        Answer token = hro.authenticate();

        assertThat(token.status()).isEqualTo(200);
        Answer search = hro.send("GET", "/Appointments/AvailableAppointments?sorCode=N373049&locationId=3670010", null,
                token.text());
        assertThat(search.status()).as(search.text()).isEqualTo(200);
    }

    @Test
    void callbackSecretsAreThrottledLikeKeysAndTheRightSecretStillWorks() {
        for (int i = 0; i < 5; i++) {
            assertThat(callback("wrong-secret-" + i).status()).isEqualTo(401);
        }

        Reply throttled = callback("wrong-secret-5");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text()).contains("Fault");
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(callback(CALLBACK_SECRET).status()).as("authenticated: refused only as not a bookingConfirmation")
                .isEqualTo(400);
    }

    /** A DRS callback whose body is not a bookingConfirmation, with this secret as the Basic password. */
    private Reply callback(String secret) {
        return api.postAs("text/xml", "/callbacks/lincoln/drs", "<soapenv:Envelope/>", Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("drs:" + secret).getBytes(StandardCharsets.UTF_8))));
    }
}
