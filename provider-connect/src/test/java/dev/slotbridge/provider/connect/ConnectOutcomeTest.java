package dev.slotbridge.provider.connect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.CancelRequest;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotQuery;
import dev.slotbridge.tck.ErrorKinds;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What Connect really holds when answers are lost or read-backs fail, which 404s mean "none", Monday-based weeks,
 * and cancels whether or not Connect keeps a cancelled order's visits.
 */
final class ConnectOutcomeTest {
    private static final FakeConnect CONNECT = new FakeConnect();
    private static final WireMockServer SERVER = FakeConnect.server(CONNECT);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private SchedulerProvider connect;

    @BeforeAll
    static void start() {
        SERVER.start();
        // the first exchanges of a cold JVM and server are slow: make them before the short time limits apply
        try (SchedulerProvider warm = ConnectContractTest.provider(ConnectContractTest.settings(SERVER.baseUrl()),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")))) {
            warm.search(query("HMS-WARM", "2026-03-02", "2026-03-06"));
        }
        CONNECT.reset();
        SERVER.resetRequests();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void provider() {
        connect = ConnectContractTest.provider(ConnectContractTest.settings(SERVER.baseUrl()), clock, Duration.ofSeconds(1));
    }

    @AfterEach
    void forget() {
        CONNECT.reset();
        SERVER.resetRequests();
        SERVER.getStubMappings().stream().filter(stub -> stub.getPriority() != null).toList().forEach(SERVER::removeStubMapping);
    }

    private static SlotQuery query(String order, String from, String to) {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), "P10", order, "Tap"),
                LocalDate.parse(from), LocalDate.parse(to));
    }

    private BookingRequest firstSlotOf(String order) {
        Slot slot = connect.search(query(order, "2026-03-02", "2026-03-06")).getFirst();
        return new BookingRequest(slot.key(), query(order, "2026-03-02", "2026-03-06").job(), null, null);
    }

    private static int bookingPosts() {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/booking"))).size();
    }

    @Test
    void aBookingSummaryThatDoesNotYetShowAnAcceptedVisitIsAnUnknownOutcomeNeverARefusal() {
        BookingRequest request = firstSlotOf("HMS-LAG");
        CONNECT.lagBookingSummaries(1);

        assertThatThrownBy(() -> connect.book(request)).isInstanceOf(WriteOutcomeUnknownException.class);

        assertThat(connect.reconcileBooking(request)).isInstanceOfSatisfying(BookingOutcome.Booked.class,
                booked -> assertThat(booked.booking().status()).isEqualTo(BookingStatus.BOOKED));
        assertThat(bookingPosts()).isEqualTo(1);
    }

    @Test
    void aFailedReadBackAfterAnAcceptedBookingIsAnUnknownOutcome() {
        BookingRequest request = firstSlotOf("HMS-READ");
        SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(FakeConnect.BASE + "/api/BookingSummary"))
                .atPriority(1).willReturn(aResponse().withStatus(503)));

        assertThat(ErrorKinds.of(() -> connect.book(request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"LATE", "DROPPED"})
    void aLostBookingAnswerReconcilesAsBookedInTheSlot(String how) {
        BookingRequest request = firstSlotOf("HMS-LOST");
        CONNECT.loseNextAnswer("POST /api/booking", FakeConnect.LostAnswer.valueOf(how));

        assertThat(ErrorKinds.of(() -> connect.book(request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);

        assertThat(connect.reconcileBooking(request)).isInstanceOf(BookingOutcome.Booked.class);
        assertThat(CONNECT.visits()).hasSize(1);
    }

    @Test
    void aBookingOfTheOrderInAnotherWindowIsNotThisRequestsBooking() {
        List<Slot> slots = connect.search(query("HMS-TWO", "2026-03-02", "2026-03-06"));
        Job job = query("HMS-TWO", "2026-03-02", "2026-03-06").job();
        connect.book(new BookingRequest(slots.get(0).key(), job, null, null));

        assertThat(connect.reconcileBooking(new BookingRequest(slots.get(1).key(), job, null, null)))
                .isEqualTo(new BookingOutcome.NotBooked(null));
    }

    @Test
    void a404ToAWriteIsNeverSuccess() {
        BookingRequest request = firstSlotOf("HMS-404");
        SERVER.stubFor(post(urlPathEqualTo(FakeConnect.BASE + "/api/booking")).atPriority(1).willReturn(aResponse().withStatus(404)));
        assertThat(ErrorKinds.of(() -> connect.book(request))).as("a 404 to POST booking is not a booking").isEqualTo(ErrorKind.UNREADABLE);

        SERVER.removeStubMapping(SERVER.getStubMappings().stream().filter(stub -> stub.getPriority() != null).findFirst().orElseThrow());
        Booking booked = connect.book(request);
        SERVER.stubFor(patch(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder")).atPriority(1).willReturn(aResponse().withStatus(404)));

        assertThat(ErrorKinds.of(() -> connect.cancel(booked.key(), new CancelRequest("Tenant request", null))))
                .as("a 404 to the cancelling PATCH is not a cancel").isEqualTo(ErrorKind.UNREADABLE);
        assertThat(CONNECT.visits()).allSatisfy(visit -> assertThat(visit).endsWith(" 5"));
    }

    @Test
    void a404ToALookupMeansNone() {
        SERVER.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(FakeConnect.BASE + "/api/BookingSummary"))
                .atPriority(1).willReturn(aResponse().withStatus(404)));

        assertThat(connect.listByProperty("3670010")).isEmpty();
        assertThat(connect.find(ConnectMapping.key("HMS-NONE", "V-1"))).isEmpty();
    }

    @Test
    void aSearchAsksEveryMondayBasedWeekItTouchesExactlyOnce() {
        List<Slot> slots = connect.search(query("HMS-WEEKS", "2026-12-09", "2026-12-22"));

        List<LoggedRequest> calls = SERVER.findAll(getRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/availability")));
        assertThat(calls).extracting(call -> call.queryParameter("Date").firstValue() + "/" + call.queryParameter("NumberOfWeeks").firstValue())
                .containsExactly("2026-12-09/2", "2026-12-21/1");
        assertThat(slots).extracting(slot -> slot.start().toLocalDate())
                .contains(LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 21), LocalDate.of(2026, 12, 22))
                .allSatisfy(date -> assertThat(date).isBetween(LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 22)));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRepeatedCancelIsCancelledAndSendsNothingWhetherOrNotConnectStillListsTheVisit(boolean forgetsCancelledVisits) {
        if (forgetsCancelledVisits) {
            CONNECT.forgetCancelledVisits();
        }
        Booking booked = connect.book(firstSlotOf("HMS-CANCEL"));
        connect.cancel(booked.key(), new CancelRequest("Tenant request", null));

        Booking again = connect.cancel(booked.key(), new CancelRequest("Tenant request", null));

        assertThat(again.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again.key()).isEqualTo(booked.key());
        assertThat(connect.find(booked.key())).hasValueSatisfying(seen -> assertThat(seen.status()).isEqualTo(BookingStatus.CANCELLED));
        assertThat(SERVER.findAll(patchRequestedFor(urlPathEqualTo(FakeConnect.BASE + "/api/SalesOrder")))).hasSize(1);
    }
}
