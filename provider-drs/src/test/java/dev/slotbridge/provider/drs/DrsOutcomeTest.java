package dev.slotbridge.provider.drs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.CallPermits;
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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What DRS really holds when answers are lost: every step of the booking sequence carried out with its answer lost,
 * and what reconciliation then finds, finishes or removes; cancels the gateway may or may not keep; the bulkhead's
 * permits for a fanned-out search.
 */
final class DrsOutcomeTest {
    private static final FakeDrs DRS = new FakeDrs();
    private static final WireMockServer SERVER = FakeDrs.server(DRS);
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private SchedulerProvider drs;

    @BeforeAll
    static void start() {
        SERVER.start();
        // the first exchanges of a cold JVM and server are slow: make them before the short time limits apply
        try (SchedulerProvider warm = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")))) {
            warm.search(query("2026-03-02", "2026-03-02"));
        }
        DRS.reset();
        SERVER.resetRequests();
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @BeforeEach
    void provider() {
        drs = provider(CallPermits.NONE);
    }

    @AfterEach
    void validateAndForget() {
        drs.close();
        SERVER.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString()).forEach(GatewaySchema::validate);
        DRS.reset();
        SERVER.resetRequests();
    }

    private SchedulerProvider provider(CallPermits permits) {
        return DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock, TIMEOUT, permits);
    }

    private static SlotQuery query(String from, String to) {
        return new SlotQuery(new Job("3670010", List.of(new JobCode("N373049", 1)), "Priority 20 Days", "HMS-1", null),
                LocalDate.parse(from), LocalDate.parse(to));
    }

    private static BookingRequest booking(Slot slot, String orderNumber) {
        return new BookingRequest(slot.key(), new Job("3670010", List.of(new JobCode("N373049", 1)), null, orderNumber,
                "Tap leaking"), null, null);
    }

    private List<Slot> slots() {
        return drs.search(query("2026-03-02", "2026-03-02"));
    }

    private static List<LoggedRequest> calls(String operation) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='" + operation + "']/" + operation)));
    }

    private static String window(Slot slot) {
        return slot.start().toInstant() + "/" + slot.end().toInstant();
    }

    @ParameterizedTest
    @ValueSource(strings = {"LATE", "DROPPED"})
    void aLostCreateOrderAnswerLeavesAnUnscheduledOrderThatReconciliationSchedulesIntoTheChosenSlot(String how) {
        Slot slot = slots().getFirst();
        BookingRequest request = booking(slot, "HMS-LOST");
        DRS.loseNextAnswer("createOrder", FakeDrs.LostAnswer.valueOf(how));

        assertThat(ErrorKinds.of(() -> drs.book(request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        assertThat(calls("scheduleBooking")).isEmpty();
        assertThat(DRS.orders()).containsExactly("HMS-LOST none");
        assertThat(drs.listByProperty("3670010")).as("an unscheduled booking is never shown booked").isEmpty();

        BookingOutcome outcome = drs.reconcileBooking(request);

        assertThat(outcome).isInstanceOfSatisfying(BookingOutcome.Booked.class, booked -> {
            assertThat(booked.finished()).contains("scheduled order");
            assertThat(booked.booking().status()).isEqualTo(BookingStatus.BOOKED);
            assertThat(drs.isInSlot(booked.booking(), slot.key())).isTrue();
        });
        assertThat(DRS.orders()).containsExactly("HMS-LOST " + window(slot));
        assertThat(drs.reconcileBooking(request)).as("reconciling again sends nothing more")
                .isInstanceOfSatisfying(BookingOutcome.Booked.class, booked -> assertThat(booked.finished()).isNull());
        assertThat(calls("scheduleBooking")).hasSize(1);
        assertThat(calls("createOrder")).hasSize(1);
    }

    @Test
    void aLostCreateOrderWhoseSlotWasTakenMeanwhileIsRemoved() {
        Slot slot = slots().getFirst();
        BookingRequest request = booking(slot, "HMS-LOST");
        DRS.loseNextAnswer("createOrder", FakeDrs.LostAnswer.LATE);
        assertThat(ErrorKinds.of(() -> drs.book(request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        drs.book(booking(slot, "HMS-OTHER"));

        BookingOutcome outcome = drs.reconcileBooking(request);

        assertThat(outcome).isInstanceOfSatisfying(BookingOutcome.NotBooked.class,
                notBooked -> assertThat(notBooked.undone()).contains("deleted order"));
        assertThat(DRS.orders()).containsExactly("HMS-OTHER " + window(slot));
    }

    @ParameterizedTest
    @ValueSource(strings = {"LATE", "DROPPED"})
    void aLostScheduleBookingAnswerIsUndoneByTheProviderAndReconcilesAsNotBooked(String how) {
        Slot slot = slots().getFirst();
        BookingRequest request = booking(slot, "HMS-LOST");
        DRS.loseNextAnswer("scheduleBooking", FakeDrs.LostAnswer.valueOf(how));

        assertThat(ErrorKinds.of(() -> drs.book(request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);

        assertThat(DRS.orders()).as("the half-made order was deleted").isEmpty();
        assertThat(drs.reconcileBooking(request)).isEqualTo(new BookingOutcome.NotBooked(null));
    }

    @Test
    void anOrderThatCanBeNeitherScheduledNorRemovedIsAnUnknownOutcomeThatReconciliationSettles() {
        Slot slot = slots().getFirst();
        BookingRequest request = booking(slot, "HMS-LOST");
        DRS.loseNextAnswer("scheduleBooking", FakeDrs.LostAnswer.DROPPED);
        DRS.loseNextAnswer("deleteOrder", FakeDrs.LostAnswer.DROPPED);

        assertThatThrownBy(() -> drs.book(request)).isInstanceOf(WriteOutcomeUnknownException.class);

        assertThat(drs.reconcileBooking(request)).isEqualTo(new BookingOutcome.NotBooked(null));
    }

    @Test
    void aLostAnswerWhenEverythingWasDoneReconcilesAsBookedInTheSlot() {
        Slot slot = slots().getFirst();
        BookingRequest request = booking(slot, "HMS-LOST");
        Booking made = drs.book(request);

        assertThat(drs.reconcileBooking(request)).isEqualTo(new BookingOutcome.Booked(drs.find(made.key()).orElseThrow(), null));
        assertThat(drs.reconcileBooking(booking(slots().get(1), "HMS-LOST"))).as("another slot of the same order")
                .isEqualTo(new BookingOutcome.NotBooked(null));
        assertThat(DRS.orders()).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRepeatedCancelAfterARestartIsCancelledAndSendsNothing(boolean gatewayKeepsDeletedOrders) {
        if (gatewayKeepsDeletedOrders) {
            DRS.keepDeletedOrders();
        }
        Booking booked = drs.book(booking(slots().getFirst(), "HMS-CANCEL"));
        drs.cancel(booked.key(), new CancelRequest("Tenant request", null));
        drs.close();
        drs = provider(CallPermits.NONE);

        Booking again = drs.cancel(booked.key(), new CancelRequest("Tenant request", null));

        assertThat(again.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again.key()).isEqualTo(booked.key());
        assertThat(calls("deleteOrder")).hasSize(1);
        assertThat(drs.find(booked.key())).isEmpty();
    }

    @Test
    void aFannedOutSearchHoldsNoMoreConcurrentCallsThanThePermitsAllow() {
        CountingPermits permits = new CountingPermits(2);
        drs.close();
        drs = provider(permits);

        List<Slot> slots = drs.search(query("2026-03-02", "2026-05-02"));

        assertThat(calls("checkAvailability")).hasSize(9);
        assertThat(slots).hasSize(drs.search(query("2026-03-02", "2026-05-02")).size());
        assertThat(permits.mostHeld.get()).isBetween(1, 2);
        assertThat(permits.available.availablePermits()).as("every permit given back").isEqualTo(2);
    }

    @Test
    void aFailedFannedOutSearchGivesEveryPermitBack() {
        CountingPermits permits = new CountingPermits(2);
        drs.close();
        drs = provider(permits);
        drs.search(query("2026-03-02", "2026-03-02"));
        DRS.loseNextAnswer("checkAvailability", FakeDrs.LostAnswer.DROPPED);

        assertThat(ErrorKinds.of(() -> drs.search(query("2026-03-02", "2026-05-02")))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);

        assertThat(permits.available.availablePermits()).isEqualTo(2);
        assertThat(permits.held.get()).isZero();
    }

    @Test
    void withoutPermitsASearchIsMadeOnTheCallersThreadAlone() {
        List<Slot> slots = drs.search(query("2026-03-02", "2026-05-02"));

        assertThat(calls("checkAvailability")).hasSize(9);
        assertThat(slots).isNotEmpty();
    }

    /** Permits from a semaphore, recording the most held at once. */
    private static final class CountingPermits implements CallPermits {
        final Semaphore available;
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger mostHeld = new AtomicInteger();

        CountingPermits(int permits) {
            available = new Semaphore(permits);
        }

        @Override
        public boolean tryAcquire() {
            if (!available.tryAcquire()) {
                return false;
            }
            mostHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            return true;
        }

        @Override
        public void release() {
            held.decrementAndGet();
            available.release();
        }
    }
}
