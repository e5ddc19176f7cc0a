package dev.slotbridge.engine.resilience;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.ScriptedProvider;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request's scheduler calls end by its council's deadline, every attempt and wait together; the time each call
 * takes is played on the test clock by a scripted scheduler that runs each attempt to its time limit
 * ({@code operator/request-deadline-api.yml}: 5 s an attempt, 8 s a request). Finding out what became of a booking
 * already sent has time of its own, so an outcome the scheduler can tell is never answered as unknown.
 */
@MicronautTest(propertySources = "classpath:operator/request-deadline-api.yml")
final class RequestDeadlineApiTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(8);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    Api api;
    ScriptedProvider slow;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        slow = ScriptedProvider.of("slow");
    }

    private Reply search() {
        return api.post(OPS_KEY, "/v1/councils/slow/appointment-search", Requests.search("2026-03-02", "2026-03-02"));
    }

    /** The next attempt gets no answer: it runs until its time limit passes. */
    private void unansweredFor(Duration limit) {
        slow.takeNext(limit, new SchedulerTimeoutException("no answer within " + limit, null));
    }

    @Test
    void aSearchTheSchedulerNeverAnswersIs504AtTheDeadlineNotAfterThreeTimeouts() {
        unansweredFor(TIMEOUT);
        unansweredFor(DEADLINE.minus(TIMEOUT));
        int callsBefore = slow.calls();
        Instant started = clock.instant();

        Reply reply = search();

        assertProblem(reply, 504, "scheduler-timeout");
        assertThat(Duration.between(started, clock.instant())).isEqualTo(DEADLINE);
        assertThat(slow.calls() - callsBefore).as("a third attempt would end past the deadline").isEqualTo(2);
    }

    @Test
    void aBookingFoundAfterTheDeadlineIsAnsweredAsBookedNotAsUnknown() {
        String slotId = (String) search().list("slots").getFirst().get("slotId");
        slow.reconcilesAsBooked();
        unansweredFor(TIMEOUT);
        unansweredFor(TIMEOUT);
        int callsBefore = slow.calls();
        Instant started = clock.instant();

        Reply reply = api.post(OPS_KEY, "/v1/councils/slow/bookings", Requests.book(slotId, "HMS-LATE"),
                Map.of("Idempotency-Key", "late-1"));

        assertThat(reply.status()).as(reply.text()).isEqualTo(201);
        assertThat(Duration.between(started, clock.instant())).as("the second check came after the request's deadline")
                .isEqualTo(TIMEOUT.multipliedBy(2));
        assertThat(slow.calls() - callsBefore).as("the booking once, then two checks").isEqualTo(3);
    }
}
