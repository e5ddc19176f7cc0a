package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.ScriptedProvider;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** What the scheduler does becomes the contract's problem, and nothing of the backend's text leaks. */
@MicronautTest
final class SchedulerFailureApiTest extends ApiTestBase {
    private static final String SEARCH = "/v1/councils/scripted/appointment-search";

    private Reply search() {
        return api.post(OPS_KEY, SEARCH, Requests.search("2026-03-02", "2026-03-02"));
    }

    private String slotId() {
        return (String) search().list("slots").getFirst().get("slotId");
    }

    @Test
    void aBusinessRefusalIs422WithTheSchedulersMessage() {
        String slotId = slotId();
        ScriptedProvider.of("scripted").failNext(new RejectedBySchedulerException("Job code N373049 is not on the contract"));

        Reply reply = api.post(OPS_KEY, "/v1/councils/scripted/bookings", Requests.book(slotId, "HMS-R"));

        assertProblem(reply, 422, "rejected-by-scheduler");
        assertThat(reply.string("detail")).isEqualTo("Job code N373049 is not on the contract");
    }

    @Test
    void aSlotGoneIs409() {
        String slotId = slotId();
        ScriptedProvider.of("scripted").failNext(new SlotUnavailableException("window full"));

        assertProblem(api.post(OPS_KEY, "/v1/councils/scripted/bookings", Requests.book(slotId, "HMS-G")),
                409, "slot-unavailable");
    }

    @Test
    void aFailingSchedulerIs502WithoutItsTextOnceRetriesAreSpent() {
        ScriptedProvider scripted = ScriptedProvider.of("scripted");
        for (int attempt = 0; attempt < 3; attempt++) {
            scripted.failNext(new SchedulerUnavailableException(
                    "HTTP 500 from https://connect.example/api password=hunter2", false, new ConnectException("refused")));
        }
        int before = scripted.calls();

        Reply reply = search();

        assertProblem(reply, 502, "scheduler-error");
        assertThat(reply.text()).doesNotContain("hunter2").doesNotContain("connect.example").doesNotContain("refused");
        assertThat(scripted.calls() - before).as("three attempts").isEqualTo(3);
    }

    @Test
    void aReadSucceedsWhenARetryDoes() {
        ScriptedProvider scripted = ScriptedProvider.of("scripted");
        scripted.failNext(new SchedulerUnavailableException("HTTP 503", false, null));

        assertThat(search().status()).isEqualTo(200);
    }

    @Test
    void anUnreadableAnswerIs502AndIsNotRetried() {
        ScriptedProvider scripted = ScriptedProvider.of("scripted");
        scripted.failNext(new SchedulerResponseException("<html>garbage</html>", null));
        int before = scripted.calls();

        Reply reply = search();

        assertProblem(reply, 502, "scheduler-error");
        assertThat(reply.text()).doesNotContain("garbage");
        assertThat(scripted.calls() - before).isEqualTo(1);
    }

    @Test
    void aSlowSchedulerIs504() {
        ScriptedProvider scripted = ScriptedProvider.of("scripted");
        for (int attempt = 0; attempt < 3; attempt++) {
            scripted.failNext(new SchedulerTimeoutException("read timed out after 5s", null));
        }

        assertProblem(search(), 504, "scheduler-timeout");
    }

    @Test
    void aBookingTheSchedulerDoesNotKnowIs404() {
        String slotId = slotId();
        String ref = api.post(OPS_KEY, "/v1/councils/scripted/bookings", Requests.book(slotId, "HMS-V")).string("bookingRef");

        assertProblem(api.get(OPS_KEY, "/v1/councils/scripted/bookings/" + ref), 404, "booking-not-found");
        assertProblem(api.post(OPS_KEY, "/v1/councils/scripted/bookings/" + ref + "/cancel",
                java.util.Map.of("reason", "x")), 404, "booking-not-found");
    }
}
