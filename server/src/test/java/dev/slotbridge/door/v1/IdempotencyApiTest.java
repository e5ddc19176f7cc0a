package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.ScriptedProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A repeat with the same Idempotency-Key gets the first answer and books nothing more. */
@MicronautTest
class IdempotencyApiTest extends ApiTestBase {
    private static final String SANDBOX = "/v1/councils/sandbox";

    private String slotId(String council, String day) {
        return (String) api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", Requests.search(day, day))
                .list("slots").getFirst().get("slotId");
    }

    private long bookingsFor(String externalRef) {
        return api.get(DEMO_KEY, SANDBOX + "/bookings?propertyRef=" + Requests.PROPERTY).list("bookings").stream()
                .filter(b -> externalRef.equals(((Map<?, ?>) b.get("job")).get("externalRef"))).count();
    }

    @Test
    void aRepeatReplaysTheFirstAnswer() {
        Map<String, Object> body = Requests.book(slotId("sandbox", "2026-03-03"), "HMS-IDEM-1");
        Map<String, String> key = Map.of("Idempotency-Key", "idem-1");

        Reply first = api.post(DEMO_KEY, SANDBOX + "/bookings", body, key);
        Reply repeat = api.post(DEMO_KEY, SANDBOX + "/bookings", body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body()).isEqualTo(first.body());
        assertThat(repeat.header("Location")).isEqualTo(first.header("Location"));
        assertThat(bookingsFor("HMS-IDEM-1")).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String slotId = slotId("sandbox", "2026-03-04");
        Map<String, String> key = Map.of("Idempotency-Key", "idem-2");
        api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(slotId, "HMS-IDEM-2"), key);

        Reply reused = api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(slotId, "HMS-IDEM-3"), key);

        assertProblem(reused, 422, "idempotency-key-reused");
        assertThat(bookingsFor("HMS-IDEM-3")).isZero();
    }

    @Test
    void keysAreScopedToTheClient() {
        Map<String, String> key = Map.of("Idempotency-Key", "shared-key");
        api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(slotId("sandbox", "2026-03-05"), "HMS-IDEM-4"), key);

        Reply other = api.post(OPS_KEY, SANDBOX + "/bookings",
                Requests.book(slotId("sandbox", "2026-03-05"), "HMS-IDEM-5"), key);

        assertThat(other.status()).isEqualTo(201);
    }

    @Test
    void aFailedBookingDoesNotHoldTheKey() {
        String slotId = slotId("scripted", "2026-03-02");
        Map<String, Object> body = Requests.book(slotId, "HMS-IDEM-6");
        Map<String, String> key = Map.of("Idempotency-Key", "idem-6");
        ScriptedProvider scripted = ScriptedProvider.of("scripted");
        scripted.failNext(new RejectedBySchedulerException("Contract closed for the day"));

        assertProblem(api.post(OPS_KEY, "/v1/councils/scripted/bookings", body, key), 422, "rejected-by-scheduler");
        int callsBefore = scripted.calls();
        Reply retried = api.post(OPS_KEY, "/v1/councils/scripted/bookings", body, key);

        assertThat(retried.status()).isEqualTo(201);
        assertThat(scripted.calls()).isEqualTo(callsBefore + 1);
    }
}
