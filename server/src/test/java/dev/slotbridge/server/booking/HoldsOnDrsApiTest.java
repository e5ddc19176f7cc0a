package dev.slotbridge.server.booking;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static dev.slotbridge.server.api.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Holds on a DRS council, which Slotbridge keeps in its own store (the gateway's reservations are not used): other
 * Slotbridge callers neither see nor book the held slot; the holder books it with the holdId.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HoldsOnDrsApiTest extends HoldsApiTest implements TestPropertyProvider {
    static final String LINCOLN = "/v1/councils/lincoln";
    /** The key of a second client, "other", that may use lincoln too. */
    static final String OTHER_KEY = "portal-key";
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        Map<String, String> properties = new HashMap<>(FakeCouncils.drs("lincoln", gateway));
        properties.put("slotbridge.clients.other.key-sha256", "b06dae285a935240f0cc4acf8e0820872e0c02a9a76eb33c7768150ec149d4df");
        properties.put("slotbridge.councils.lincoln.holds.ttl", "2m");
        properties.put("slotbridge.councils.plenty.provider", "scripted");
        properties.put("slotbridge.clients.ops.councils", "roomy,lincoln,plenty");
        properties.put("slotbridge.clients.other.councils", "lincoln,plenty");
        return properties;
    }

    @AfterAll
    void stop() {
        gateway.stop();
    }

    @Test
    void aSlotHeldInTheStoreIsNeitherOfferedToNorBookableByAnotherCaller() {
        Map<String, Object> slot = slot(LINCOLN, "2026-03-10");
        String slotId = (String) slot.get("slotId");
        Reply held = hold(LINCOLN, slotId, "HMS-DRS-HOLD-1");
        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.string("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)).toString());

        assertThat(offered(LINCOLN, "2026-03-10", slotId)).as("hidden from searches").isFalse();
        assertProblem(api.post(OTHER_KEY, LINCOLN + "/bookings", Requests.book(slotId, "HMS-DRS-OTHER")), 409,
                "slot-unavailable");
        assertProblem(hold(LINCOLN, slotId, "HMS-DRS-HOLD-2"), 409, "slot-unavailable");

        Reply booked = bookHeld(LINCOLN, held.string("holdId"), "HMS-DRS-HOLD-1");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(drs.orderCount()).isEqualTo(1);
    }

    @Test
    void aStoreHoldThatExpiresFreesTheSlot() {
        Map<String, Object> slot = slot(LINCOLN, "2026-03-11");
        String holdId = hold(LINCOLN, (String) slot.get("slotId"), "HMS-DRS-HOLD-3").string("holdId");

        clock.advance(Duration.ofMinutes(2).plusSeconds(1));
        sweeper.sweep();

        assertThat(offered(LINCOLN, "2026-03-11", (String) slot.get("slotId"))).isTrue();
        assertProblem(bookHeld(LINCOLN, holdId, "HMS-DRS-HOLD-3"), 409, "hold-expired");
        assertThat(drs.orderCount()).as("nothing was ever sent for the hold").isZero();
    }

    /** A scheduler that offers every slot to any number of bookings, and cannot hold. */
    @Test
    void aBookingMadeBeforeAHoldIsStillReplayedToItsMakerAfterTheHold() {
        String plenty = "/v1/councils/plenty";
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
