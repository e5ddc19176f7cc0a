package dev.slotbridge.provider.drs;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingOutcome;
import dev.slotbridge.spi.model.BookingRequest;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.HeldSlot;
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

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * DRS's native holds: {@code createReservation} of a new order's booking, {@code updateOrder} and
 * {@code confirmReservation} to book it, {@code deleteOrder} to release it; with the gateway listing reservations as
 * RESERVED or not listing them at all (its documents do not say), and with answers lost at each step. Every body sent
 * is validated against the WSDL's schema.
 */
final class DrsHoldTest {
    private static final FakeDrs DRS = new FakeDrs();
    private static final WireMockServer SERVER = FakeDrs.server(DRS);
    private static final Instant UNTIL = Instant.parse("2026-03-01T09:05:00Z");
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private SchedulerProvider drs;

    @BeforeAll
    static void start() {
        SERVER.start();
        try (SchedulerProvider warm = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")))) {
            warm.search(query());
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
        drs = DrsContractTest.provider(DrsContractTest.settings(SERVER.baseUrl()), clock, Duration.ofSeconds(1),
                CallPermits.NONE);
    }

    @AfterEach
    void validateAndForget() {
        drs.close();
        SERVER.getAllServeEvents().stream().map(event -> event.getRequest().getBodyAsString()).forEach(GatewaySchema::validate);
        DRS.reset();
        SERVER.resetRequests();
    }

    private static SlotQuery query() {
        return new SlotQuery(job("HMS-1"), LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-02"));
    }

    private static Job job(String orderNumber) {
        return new Job("3670010", List.of(new JobCode("N373049", 1)), "Priority 20 Days", orderNumber, "Tap leaking");
    }

    private static BookingRequest request(Slot slot, String orderNumber) {
        return new BookingRequest(slot.key(), job(orderNumber), new Contact("Ann Tenant", "07700 900123", null),
                "Dog in the garden");
    }

    private Slot firstSlot() {
        return drs.search(query()).getFirst();
    }

    private boolean offered(Slot slot) {
        return drs.search(query()).stream().anyMatch(offered -> offered.key().equals(slot.key()));
    }

    private static List<LoggedRequest> calls(String operation) {
        return SERVER.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='" + operation + "']/" + operation)));
    }

    private static String window(Slot slot) {
        return slot.start().toInstant() + "/" + slot.end().toInstant();
    }

    @Test
    void aHoldReservesTheWindowAndItsConfirmationBooksItWithTheTenantsContact() {
        Slot slot = firstSlot();
        HeldSlot held = drs.hold(slot.key(), job("HMS-H1"), UNTIL);

        assertThat(held.expiresAt()).as("DRS reservations have no end of their own").isEqualTo(UNTIL);
        assertThat(DRS.orders()).containsExactly("HMS-H1 " + window(slot) + " reserved");
        assertThat(offered(slot)).as("the reserved window is not offered").isFalse();
        assertThat(drs.listByProperty("3670010")).as("a reservation is not a booking").isEmpty();
        assertThat(drs.findByExternalRef("HMS-H1", java.util.Optional.empty())).isEmpty();

        Booking booked = drs.confirmHold(held.key(), request(slot, "HMS-H1"));

        assertThat(booked.status()).isEqualTo(BookingStatus.BOOKED);
        assertThat(drs.isInSlot(booked, slot.key())).isTrue();
        assertThat(DRS.orders()).containsExactly("HMS-H1 " + window(slot));
        assertThat(DRS.contactOf("HMS-H1")).containsExactly("Ann Tenant", "07700 900123", "Dog in the garden");
        assertThat(calls("updateOrder")).hasSize(1);
        assertThat(calls("updateOrder").getFirst().getLoggedDate())
                .isBeforeOrEqualTo(calls("confirmReservation").getFirst().getLoggedDate());
        assertThat(drs.find(booked.key())).hasValueSatisfying(found -> assertThat(found.status()).isEqualTo(BookingStatus.BOOKED));

        drs.releaseHold(held.key());
        assertThat(calls("deleteOrder")).as("a confirmed hold is never removed").isEmpty();
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void releasingAHoldRemovesItsOrderSoTheWindowIsOfferedAgain(boolean reservationsHidden) {
        if (reservationsHidden) {
            DRS.hideReservations();
        }
        Slot slot = firstSlot();
        HeldSlot held = drs.hold(slot.key(), job("HMS-H2"), UNTIL);

        drs.releaseHold(held.key());
        drs.releaseHold(held.key());

        assertThat(DRS.orderCount()).isZero();
        assertThat(offered(slot)).isTrue();
        assertThat(calls("confirmReservation")).isEmpty();
    }

    @Test
    void aHoldOnAWindowWithNoRoomIsSlotUnavailableAndLeavesNoOrder() {
        Slot slot = firstSlot();
        drs.book(request(slot, "HMS-TAKEN"));

        assertThatThrownBy(() -> drs.hold(slot.key(), job("HMS-H3"), UNTIL)).isInstanceOf(SlotUnavailableException.class);
        assertThat(DRS.orders()).containsExactly("HMS-TAKEN " + window(slot));
    }

    @ParameterizedTest
    @ValueSource(strings = {"createOrder", "createReservation"})
    void aHoldWhoseAnswerIsLostLeavesNoOrderBehind(String operation) {
        Slot slot = firstSlot();
        DRS.loseNextAnswer(operation, FakeDrs.LostAnswer.DROPPED);

        assertThat(ErrorKinds.of(() -> drs.hold(slot.key(), job("HMS-H4"), UNTIL))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);

        assertThat(DRS.orderCount()).isZero();
        assertThat(offered(slot)).isTrue();
    }

    @Test
    void aConfirmationWhoseReservationDRSDroppedSchedulesTheOrderLikeABooking() {
        Slot slot = firstSlot();
        HeldSlot held = drs.hold(slot.key(), job("HMS-H5"), UNTIL);
        DRS.dropReservations();

        Booking booked = drs.confirmHold(held.key(), request(slot, "HMS-H5"));

        assertThat(drs.isInSlot(booked, slot.key())).isTrue();
        assertThat(DRS.orders()).containsExactly("HMS-H5 " + window(slot));
    }

    @Test
    void aConfirmationWhoseOrderIsGoneBooksTheSlotAfresh() {
        Slot slot = firstSlot();
        HeldSlot held = drs.hold(slot.key(), job("HMS-H6"), UNTIL);
        drs.releaseHold(held.key());

        Booking booked = drs.confirmHold(held.key(), request(slot, "HMS-H6"));

        assertThat(drs.isInSlot(booked, slot.key())).isTrue();
        assertThat(DRS.orders()).containsExactly("HMS-H6 " + window(slot));
    }

    @Test
    void aConfirmationWhoseWindowWasTakenMeanwhileIsSlotUnavailableAndLeavesNoOrder() {
        Slot slot = firstSlot();
        HeldSlot held = drs.hold(slot.key(), job("HMS-H7"), UNTIL);
        DRS.dropReservations();
        drs.book(request(slot, "HMS-FASTER"));

        assertThatThrownBy(() -> drs.confirmHold(held.key(), request(slot, "HMS-H7")))
                .isInstanceOf(SlotUnavailableException.class);
        assertThat(DRS.orders()).containsExactly("HMS-FASTER " + window(slot));
    }

    /** A confirmation carried out with its answer lost is found booked; one never carried out is found not booked. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void reconcilingALostConfirmationTellsAReservationFromABooking(boolean reservationsHidden) {
        if (reservationsHidden) {
            DRS.hideReservations();
        }
        Slot slot = firstSlot();
        BookingRequest request = request(slot, "HMS-H8");
        HeldSlot held = drs.hold(slot.key(), request.job(), UNTIL);

        DRS.failNext("confirmReservation");
        assertThat(ErrorKinds.of(() -> drs.confirmHold(held.key(), request))).isNotNull();
        assertThat(drs.reconcileBooking(request)).as("still only reserved").isInstanceOf(BookingOutcome.NotBooked.class);
        assertThat(DRS.orders()).as("reconciliation leaves the reservation alone")
                .containsExactly("HMS-H8 " + window(slot) + " reserved");

        DRS.loseNextAnswer("confirmReservation", FakeDrs.LostAnswer.DROPPED);
        assertThat(ErrorKinds.of(() -> drs.confirmHold(held.key(), request))).isEqualTo(ErrorKind.OUTCOME_UNKNOWN);
        assertThat(drs.reconcileBooking(request)).isInstanceOfSatisfying(BookingOutcome.Booked.class,
                booked -> assertThat(drs.isInSlot(booked.booking(), slot.key())).isTrue());
    }
}
