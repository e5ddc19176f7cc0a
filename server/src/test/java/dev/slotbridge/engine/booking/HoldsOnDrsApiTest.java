package dev.slotbridge.engine.booking;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.provider.drs.GatewaySchema;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.matchingXPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds on a DRS council, which reserves natively ({@code createReservation}, {@code confirmReservation},
 * {@code deleteOrder} on release or expiry), and on "plenty", a scheduler that cannot hold, whose holds Slotbridge
 * keeps in its store: other callers neither see nor book a held slot; the holder books it with the holdId. Configured
 * by {@code operator/holds-on-drs-api.yml}.
 */
@MicronautTest(propertySources = "classpath:operator/holds-on-drs-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsOnDrsApiTest extends HoldsApiTest implements TestPropertyProvider {
    static final String LINCOLN = "/v1/councils/lincoln";
    static final String PLENTY = "/v1/councils/plenty";
    /** The key of a second client, "other", that may use lincoln too. */
    static final String OTHER_KEY = "portal-key";
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);

    /** The DRS fake's endpoint, for the placeholder of {@code operator/holds-on-drs-api.yml}. */
    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        return Map.of("fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH);
    }

    /** Ends every hold the test left (releasing them at DRS), then forgets DRS's orders and requests. */
    @AfterEach
    void forget() {
        clock.advance(Duration.ofMinutes(31));
        sweeper.sweep();
        clock.advance(HoldService.RELEASE_RETRY);
        sweeper.sweep();
        drs.reset();
        gateway.resetRequests();
    }

    @AfterAll
    void stop() {
        gateway.stop();
    }

    private int calls(String operation) {
        return gateway.findAll(postRequestedFor(urlPathEqualTo(FakeDrs.PATH))
                .withRequestBody(matchingXPath("//*[local-name()='" + operation + "']/" + operation))).size();
    }

    @Test
    void aDrsHoldIsAReservationThatItsHoldIdBooksOnce() {
        Map<String, Object> slot = slot(LINCOLN, "2026-03-10");
        String slotId = (String) slot.get("slotId");
        Reply held = hold(LINCOLN, slotId, "HMS-DRS-HOLD-1");
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.string("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)).toString());
        assertThat(drs.orders()).singleElement().asString().startsWith("HMS-DRS-HOLD-1 ").endsWith(" reserved");

        assertThat(offered(LINCOLN, "2026-03-10", slotId)).as("hidden from searches").isFalse();
        assertProblem(api.post(OTHER_KEY, LINCOLN + "/bookings", Requests.book(slotId, "HMS-DRS-OTHER")), 409,
                "slot-unavailable");
        assertProblem(hold(LINCOLN, slotId, "HMS-DRS-HOLD-2"), 409, "slot-unavailable");
        int removedOrphans = calls("deleteOrder");

        Reply booked = bookHeld(LINCOLN, held.string("holdId"), "HMS-DRS-HOLD-1");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(drs.orders()).singleElement().asString().startsWith("HMS-DRS-HOLD-1 ").doesNotEndWith(" reserved");
        assertThat(calls("confirmReservation")).isEqualTo(1);
        assertThat(release(LINCOLN, held.string("holdId")).status()).isEqualTo(204);
        assertThat(api.get(OPS_KEY, LINCOLN + "/bookings/" + booked.string("bookingRef")).string("status")).isEqualTo("BOOKED");
        assertThat(calls("deleteOrder")).as("a booked hold is never removed").isEqualTo(removedOrphans);
        gateway.getAllServeEvents().forEach(event -> GatewaySchema.validate(event.getRequest().getBodyAsString()));
    }

    @Test
    void thirtyParallelHoldsOnAWindowForThreeMakeExactlyThreeReservations() throws Exception {
        drs.capacity(3);
        String slotId = (String) slot(LINCOLN, "2026-03-11").get("slotId");

        List<Integer> statuses = holdInParallel(LINCOLN, slotId, "HMS-DRS-RACE-", 30);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(27);
        assertThat(drs.orders()).as("the refused holds' orders were removed").hasSize(3)
                .allSatisfy(order -> assertThat(order).endsWith(" reserved"));
    }

    @Test
    void anExpiredDrsHoldIsRemovedOnceAndItsSlotOfferedAgain() {
        String slotId = (String) slot(LINCOLN, "2026-03-12").get("slotId");
        String holdId = hold(LINCOLN, slotId, "HMS-DRS-HOLD-3").string("holdId");
        assertThat(offered(LINCOLN, "2026-03-12", slotId)).isFalse();

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        sweeper.sweep();
        sweeper.sweep();

        assertThat(calls("deleteOrder")).as("the removal is sent once").isEqualTo(1);
        assertThat(drs.orderCount()).isZero();
        assertThat(offered(LINCOLN, "2026-03-12", slotId)).isTrue();
        assertProblem(bookHeld(LINCOLN, holdId, "HMS-DRS-HOLD-3"), 409, "hold-expired");
    }

    @Test
    void aReleasedDrsHoldFreesTheSlot() {
        String slotId = (String) slot(LINCOLN, "2026-03-13").get("slotId");
        String holdId = hold(LINCOLN, slotId, "HMS-DRS-HOLD-4").string("holdId");

        assertThat(release(LINCOLN, holdId).status()).isEqualTo(204);
        assertThat(release(LINCOLN, holdId).status()).isEqualTo(204);

        assertThat(calls("deleteOrder")).isEqualTo(1);
        assertThat(offered(LINCOLN, "2026-03-13", slotId)).isTrue();
        assertProblem(bookHeld(LINCOLN, holdId, "HMS-DRS-HOLD-4"), 409, "hold-expired");
    }

    @Test
    void aReleaseDrsFailedIsTriedAgainUntilTheReservationIsGone() {
        String slotId = (String) slot(LINCOLN, "2026-03-16").get("slotId");
        hold(LINCOLN, slotId, "HMS-DRS-HOLD-5");
        drs.failAlways("deleteOrder");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        sweeper.sweep();
        assertThat(drs.orders()).as("DRS was down").hasSize(1);
        int attempts = calls("deleteOrder");
        sweeper.sweep();
        assertThat(calls("deleteOrder")).as("not yet due again").isEqualTo(attempts);

        drs.recover("deleteOrder");
        clock.advance(HoldService.RELEASE_RETRY);
        sweeper.sweep();
        sweeper.sweep();

        assertThat(drs.orderCount()).isZero();
        assertThat(calls("deleteOrder")).isEqualTo(attempts + 1);
        assertThat(offered(LINCOLN, "2026-03-16", slotId)).isTrue();
    }

    @Test
    void aConfirmationWhoseAnswerIsLostIsFoundBookedAndOneNeverMadeLeavesTheHoldBookable() {
        Map<String, Object> slot = slot(LINCOLN, "2026-03-17");
        String holdId = hold(LINCOLN, (String) slot.get("slotId"), "HMS-DRS-HOLD-6").string("holdId");

        drs.failNext("confirmReservation");
        Reply failed = bookHeld(LINCOLN, holdId, "HMS-DRS-HOLD-6");
        assertThat(failed.status()).as(failed.text()).isBetween(500, 504);
        assertThat(drs.orders()).singleElement().asString().endsWith(" reserved");

        drs.loseNextAnswer("confirmReservation", FakeDrs.LostAnswer.DROPPED);
        Reply booked = bookHeld(LINCOLN, holdId, "HMS-DRS-HOLD-6");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(drs.orders()).singleElement().asString().doesNotEndWith(" reserved");

        clock.advance(Duration.ofMinutes(3));
        sweeper.sweep();
        assertThat(calls("deleteOrder")).as("a booked hold never expires").isZero();
    }

    @Test
    void aSlotHeldInTheStoreIsNeitherOfferedToNorBookableByAnotherCaller() {
        String slotId = (String) slot(PLENTY, "2026-03-10").get("slotId");
        Reply held = hold(PLENTY, slotId, "HMS-STORE-HOLD-1");
        assertThat(held.status()).as(held.text()).isEqualTo(201);

        assertThat(offered(PLENTY, "2026-03-10", slotId)).as("hidden from searches").isFalse();
        assertProblem(api.post(OTHER_KEY, PLENTY + "/bookings", Requests.book(slotId, "HMS-STORE-OTHER")), 409,
                "slot-unavailable");
        assertProblem(hold(PLENTY, slotId, "HMS-STORE-HOLD-2"), 409, "slot-unavailable");

        Reply booked = bookHeld(PLENTY, held.string("holdId"), "HMS-STORE-HOLD-1");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertProblem(bookHeld(PLENTY, held.string("holdId"), "HMS-STORE-HOLD-1"), 409, "hold-expired");
    }

    @Test
    void aStoreHoldThatExpiresFreesTheSlot() {
        String slotId = (String) slot(PLENTY, "2026-03-11").get("slotId");
        String holdId = hold(PLENTY, slotId, "HMS-STORE-HOLD-3").string("holdId");

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        sweeper.sweep();

        assertThat(offered(PLENTY, "2026-03-11", slotId)).isTrue();
        assertProblem(bookHeld(PLENTY, holdId, "HMS-STORE-HOLD-3"), 409, "hold-expired");
    }

    /** A scheduler that offers every slot to any number of bookings, and cannot hold. */
    @Test
    void aBookingMadeBeforeAHoldIsStillReplayedToItsMakerAfterTheHold() {
        String plenty = PLENTY;
        String slotId = (String) slot(plenty, "2026-03-12").get("slotId");
        Map<String, String> key = Map.of("Idempotency-Key", "booked-before-the-hold");
        Reply first = api.post(OTHER_KEY, plenty + "/bookings", Requests.book(slotId, "HMS-PLENTY-1"), key);
        assertThat(first.status()).as(first.text()).isEqualTo(201);

        assertThat(hold(plenty, slotId, "HMS-PLENTY-2").status()).isEqualTo(201);

        Reply replayed = api.post(OTHER_KEY, plenty + "/bookings", Requests.book(slotId, "HMS-PLENTY-1"), key);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.body()).isEqualTo(first.body());
        assertProblem(api.post(OTHER_KEY, plenty + "/bookings", Requests.book(slotId, "HMS-PLENTY-3")), 409,
                "slot-unavailable");
    }

    @Override
    public Api api() {
        return api;
    }
}
