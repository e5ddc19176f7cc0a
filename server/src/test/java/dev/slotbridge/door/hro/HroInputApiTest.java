package dev.slotbridge.door.hro;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.slotbridge.server.testing.HroClient.Answer;
import dev.slotbridge.server.testing.HroClient;
import dev.slotbridge.tck.TestClock;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HRO door reads what it is sent as strictly as {@code /v1}: the same JSON reader, text checks, limits and dates,
 * one {@code Authorization} header, and tokens only as the door issues them. Configured by
 * {@code operator/hro-input-api.yml}: front end "portal" booking into the sandbox.
 */
@MicronautTest(propertySources = "classpath:operator/hro-input-api.yml")
final class HroInputApiTest {
    private static final String SECRET = "an-hro-test-secret-of-at-least-32-chars";
    private static final String JOB = "sorCode=N373049&locationId=3670010&priority=Priority 20 Days";
    private static final String SLOT = "&startDateTime=3/3/2026 8:00:00 AM&endDateTime=3/3/2026 12:00:00 PM";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    HroClient hro;

    @BeforeEach
    void connect() {
        hro = new HroClient(server.getURI(), "", "hro-portal-identifier", json);
    }

    /** The fields a 400 {@code validation} names, in order. */
    private List<Object> fields(Answer answer) throws IOException {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        Map<String, Object> problem = json.readValue(answer.text(), Argument.mapOf(String.class, Object.class));
        assertThat(problem).containsEntry("type", "https://slotbridge.dev/problems/validation");
        return ((List<?>) problem.get("errors")).stream().<Object>map(error -> ((Map<?, ?>) error).get("field")).toList();
    }

    @Test
    void textNoSchedulerCanStoreIsRefusedNamingEachParameter() throws IOException {
        Answer answer = hro.bookAppointment("bookingReference=HRO%07-1&sorCode=N37%0049&priority=P%EF%BF%BF"
                + "&locationId=%E2%80%AE3670010" + SLOT, "{\"Text\":\"Dog \\ud800 in garden\"}");

        assertThat(fields(answer)).containsExactlyInAnyOrder("bookingReference", "sorCode", "priority", "locationId", "Text");
        assertThat(answer.text()).contains("must not contain control characters",
                "must not contain the noncharacters U+FFFE and U+FFFF", "must not contain bidirectional override characters",
                "must not contain unpaired surrogate characters");
    }

    @Test
    void parametersAreHeldToTheLimitsOfV1() throws IOException {
        assertThat(fields(hro.bookAppointment("bookingReference=HRO-2&sorCode=" + "N".repeat(101)
                + "&locationId=3670010" + SLOT, "{\"Text\":\"" + "t".repeat(256) + "\"}"))).containsExactly("sorCode", "Text");
        String manySlots = "[" + String.join(",", Collections.nCopies(51,
                "{\"startTime\":\"08:00:00\",\"endTime\":\"12:00:00\"}")) + "]";
        assertThat(fields(hro.availableAppointments(JOB, manySlots))).containsExactly("body");
    }

    @Test
    void bytesThatAreNotUtf8AreRefusedNamingTheParameter() throws IOException {
        assertThat(fields(hro.availableAppointments("sorCode=N373049&locationId=36%FF70010", null)))
                .containsExactly("locationId");
    }

    @Test
    void aKeyTwiceInABodyIsMalformedJson() {
        Answer booking = hro.bookAppointment("bookingReference=HRO-3&" + JOB + SLOT, "{\"Text\":\"Tap\",\"Text\":\"Sink\"}");
        Answer search = hro.availableAppointments(JOB, "[{\"startTime\":\"08:00:00\",\"startTime\":\"09:00:00\","
                + "\"endTime\":\"12:00:00\"}]");

        for (Answer answer : List.of(booking, search)) {
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.text()).contains("malformed-json", "twice");
        }
    }

    @Test
    void datesOutOfRangeOrImpossibleAre400NamingTheParameter() throws IOException {
        assertThat(fields(hro.bookAppointment("bookingReference=HRO-4&" + JOB
                + "&startDateTime=-999999999-01-01T00:00:00Z&endDateTime=2/30/2027 8:00:00 AM", null)))
                .containsExactly("startDateTime", "endDateTime");
        assertThat(fields(hro.availableAppointments(JOB + "&fromDate=1/1/1999 12:00:00 AM", null)))
                .containsExactly("fromDate");
        assertThat(fields(hro.updateAppointmentSlot("bookingReference=HRO-4&startDateTime=12/31/9999 8:00:00 AM"
                + "&endDateTime=02/29/2027 12:00:00"))).containsExactly("startDateTime", "endDateTime");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedNotFirstWins() {
        String token = hro.authenticate().text();

        Answer answer = hro.sendWithTokens("GET", "/Appointments/AvailableAppointments?" + JOB, null,
                List.of(token, "forged"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text()).contains("malformed-request", "\"field\":\"Authorization\"");
    }

    @Test
    void tokensFromTheFutureOrLivingLongerThanTheDoorIssuesAreRefused() throws Exception {
        Instant now = clock.instant();
        String search = "/Appointments/AvailableAppointments?" + JOB;
        assertThat(hro.send("GET", search, null, token(now, now, now.plusSeconds(60))).status()).as("as issued")
                .isEqualTo(200);
        assertThat(hro.send("GET", search, null, token(now.plus(Duration.ofSeconds(25)), now, now.plusSeconds(60))).status())
                .as("issued a little ahead, within the leeway").isEqualTo(200);

        assertThat(hro.send("GET", search, null, token(now, now.plus(Duration.ofDays(1)), now.plusSeconds(60))).status())
                .as("nbf a day ahead").isEqualTo(401);
        assertThat(hro.send("GET", search, null, token(now.plus(Duration.ofDays(365)), now, now.plus(Duration.ofDays(365))
                .plusSeconds(60))).status()).as("iat a year ahead").isEqualTo(401);
        assertThat(hro.send("GET", search, null, token(now, now, now.plus(Duration.ofDays(3653)))).status())
                .as("exp ten years ahead").isEqualTo(401);
        assertThat(hro.send("GET", search, null, token(null, now, now.plusSeconds(60))).status()).as("no iat")
                .isEqualTo(401);
    }

    /** A token signed with the door's secret, as a forger holding it would make one. */
    private static String token(Instant issued, Instant notBefore, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(HroTokens.ISSUER).audience(HroTokens.AUDIENCE)
                .subject("portal").issueTime(issued == null ? null : Date.from(issued)).notBeforeTime(Date.from(notBefore))
                .expirationTime(Date.from(expires)).build();
        SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        token.sign(new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)));
        return token.serialize();
    }
}
