package dev.slotbridge.door.v1;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.rest.FakeCalApi;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Councils on {@code provider: rest}, configured in YAML only ({@code operator/rest-councils-api.yml}: worked example 3
 * of docs/providers/rest.md, and an OAuth2 council), through the API against a Cal.com-shaped fake. Every test's log
 * lines, at DEBUG, carry none of the council's secrets nor a token.
 */
@MicronautTest(propertySources = "classpath:operator/rest-councils-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class RestCouncilApiTest extends ApiTestBase implements TestPropertyProvider {
    private static final String CALDER = "/v1/councils/calder";
    private final FakeCalApi cal = new FakeCalApi();
    private final WireMockServer backend = FakeCalApi.server(cal);
    private final Logger slotbridge = (Logger) LoggerFactory.getLogger("dev.slotbridge");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private int orders;

    @Override
    public Map<String, String> getProperties() {
        backend.start();
        return Map.of("fakes.cal-url", backend.baseUrl(), "fakes.cal-key", FakeCalApi.KEY,
                "fakes.cal-client-secret", FakeCalApi.CLIENT_SECRET);
    }

    @BeforeEach
    void capture() {
        captured.start();
        slotbridge.addAppender(captured);
        slotbridge.setLevel(Level.DEBUG);
    }

    @AfterEach
    void noSecretWasLogged() {
        slotbridge.detachAppender(captured);
        slotbridge.setLevel(null);
        assertThat(captured.list).as("log lines").isNotEmpty().allSatisfy(event -> assertThat(event.getFormattedMessage()
                + String.valueOf(event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage()))
                .doesNotContain(FakeCalApi.KEY, FakeCalApi.CLIENT_SECRET, "tok-"));
        cal.reset();
        backend.resetRequests();
    }

    @AfterAll
    void stop() {
        backend.stop();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCouncilsOfferExactlyTheirConfiguredOperationsAndHoldsWhereTheyBook() {
        Reply councils = api.get(OPS_KEY, "/v1/councils");

        assertThat(councils.list("councils")).anySatisfy(council -> assertThat(council).containsEntry("id", "calder")
                .containsEntry("provider", "rest").satisfies(c -> assertThat((List<Object>) c.get("capabilities"))
                        .containsExactlyInAnyOrder("SEARCH", "BOOK", "VIEW", "LIST", "RESCHEDULE", "CANCEL", "FIND_BY_REFERENCE",
                                "HOLD")).containsEntry("holdsKeptBy", "slotbridge"));
        assertThat(councils.list("councils")).anySatisfy(council -> assertThat(council).containsEntry("id", "caldwell")
                .containsEntry("capabilities", List.of("SEARCH")));
        assertProblem(api.post(OPS_KEY, "/v1/councils/caldwell/bookings/x/cancel", Map.of("reason", "r")), 501,
                "capability-not-supported");
    }

    @Test
    void searchBookViewMoveAndCancel() {
        List<Map<String, Object>> slots = search();
        assertThat(slots.getFirst()).containsEntry("start", "2026-03-02T09:00:00Z").containsEntry("end", "2026-03-02T10:00:00Z");

        Reply booked = api.post(OPS_KEY, CALDER + "/bookings", Requests.book((String) slots.get(0).get("slotId"), order()));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String ref = booked.string("bookingRef");
        assertThat(booked.map("providerRefs")).containsKeys("id", "bookingId");
        backend.verify(postRequestedFor(urlPathEqualTo("/v2/bookings")).withHeader("cal-api-version",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(FakeCalApi.BOOKINGS_VERSION)));

        Reply moved = api.post(OPS_KEY, CALDER + "/bookings/" + ref + "/reschedule", Map.of("slotId", slots.get(1).get("slotId")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.string("bookingRef")).isEqualTo(ref);
        assertThat(moved.map("providerRefs").get("id")).as("Cal.com issued a new uid").isNotEqualTo(booked.map("providerRefs").get("id"));
        assertThat(api.get(OPS_KEY, CALDER + "/bookings/" + ref).map("slot")).containsEntry("start", slots.get(1).get("start"));

        Reply cancelled = api.post(OPS_KEY, CALDER + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
    }

    @Test
    void aTakenSlotIs409AndARefusalOfAStillOfferedSlotIs422() {
        List<Map<String, Object>> slots = search();
        String first = (String) slots.get(0).get("slotId");
        assertThat(api.post(OPS_KEY, CALDER + "/bookings", Requests.book(first, order())).status()).isEqualTo(201);

        assertProblem(api.post(OPS_KEY, CALDER + "/bookings", Requests.book(first, order())), 409, "slot-unavailable");

        Map<String, Object> blocked = Requests.book((String) slots.get(1).get("slotId"), order());
        blocked.put("contact", Map.of("name", "Ann Tenant", "email", "ann@blocked.example"));
        Reply refused = api.post(OPS_KEY, CALDER + "/bookings", blocked);
        assertProblem(refused, 422, "rejected-by-scheduler");
        assertThat(refused.string("detail")).contains("Cannot use this email to create the booking.");
    }

    @Test
    void aLostBookingAnswerIsReconciledThroughTheFindByReferenceOperation() {
        String slot = (String) search().get(0).get("slotId");
        String order = order();
        cal.loseNextBookingAnswer();

        Reply booked = api.post(OPS_KEY, CALDER + "/bookings", Requests.book(slot, order));

        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.string("status")).isEqualTo("BOOKED");
        backend.verify(1, postRequestedFor(urlPathEqualTo("/v2/bookings")));
        backend.verify(getRequestedFor(urlPathEqualTo("/v2/bookings")));
        assertThat(api.get(OPS_KEY, CALDER + "/bookings/" + booked.string("bookingRef")).string("status")).isEqualTo("BOOKED");
    }

    @Test
    void anOAuth2TokenIsRenewedOnceOn401AndARefusedOneIs502() {
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-02");
        assertThat(api.post(OPS_KEY, "/v1/councils/caldwell/appointment-search", search).status()).isEqualTo(200);
        int tokens = cal.tokenRequests();
        cal.revokeTokens();

        assertThat(api.post(OPS_KEY, "/v1/councils/caldwell/appointment-search", search).status()).isEqualTo(200);
        assertThat(cal.tokenRequests()).as("renewed once").isEqualTo(tokens + 1);

        cal.revokeTokens();
        cal.refuseNewTokens();
        Reply refused = api.post(OPS_KEY, "/v1/councils/caldwell/appointment-search", search);
        assertProblem(refused, 502, "scheduler-error");
        assertThat(refused.text()).doesNotContain(FakeCalApi.CLIENT_SECRET).doesNotContain("tok-");
        assertThat(cal.tokenRequests()).as("renewed once more, never twice for one call").isEqualTo(tokens + 2);
    }

    private List<Map<String, Object>> search() {
        Reply reply = api.post(OPS_KEY, CALDER + "/appointment-search", Requests.search("2026-03-02", "2026-03-06"));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.list("slots");
    }

    private String order() {
        return "HMS-REST-" + ++orders;
    }
}
