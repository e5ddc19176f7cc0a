package dev.slotbridge.engine.booking;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.AtOnce;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Holds on the sandbox, which holds natively: capacity 3 per window at the "roomy" council. */
@MicronautTest
class HoldsApiTest {
    static final String ROOMY = "/v1/councils/roomy";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    @Inject
    HoldSweeper sweeper;
    Api api;

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
    }

    public Api api() {
        return api;
    }

    Map<String, Object> slot(String council, String day) {
        return api.post(OPS_KEY, council + "/appointment-search", Requests.search(day, day)).list("slots").getFirst();
    }

    boolean offered(String council, String day, String slotId) {
        return api.post(OPS_KEY, council + "/appointment-search", Requests.search(day, day)).list("slots").stream()
                .anyMatch(slot -> slot.get("slotId").equals(slotId));
    }

    Reply hold(String council, String slotId, String externalRef) {
        Map<String, Object> body = new HashMap<>();
        body.put("slotId", slotId);
        body.put("job", Requests.book(slotId, externalRef).get("job"));
        return api.post(OPS_KEY, council + "/holds", body);
    }

    Reply bookHeld(String council, String holdId, String externalRef) {
        Map<String, Object> body = new HashMap<>(Requests.book("unused", externalRef));
        body.remove("slotId");
        body.put("holdId", holdId);
        return api.post(OPS_KEY, council + "/bookings", body);
    }

    Reply release(String council, String holdId) {
        return api.send(OPS_KEY, HttpRequest.newBuilder(api.uri(council + "/holds/" + holdId)).DELETE(), Map.of());
    }

    @Test
    void aHoldIsBookedWithItsHoldIdOnceAndThenItIsUsedUp() {
        Map<String, Object> slot = slot(ROOMY, "2026-03-03");
        Reply held = hold(ROOMY, (String) slot.get("slotId"), "HMS-HOLD-1");

        assertThat(held.status()).as(held.text()).isEqualTo(201);
        assertThat(held.map("slot")).containsEntry("start", slot.get("start")).containsEntry("end", slot.get("end"));
        assertThat(held.string("expiresAt")).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)).toString());
        Reply booked = bookHeld(ROOMY, held.string("holdId"), "HMS-HOLD-1");
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.map("slot")).containsEntry("start", slot.get("start"));

        assertProblem(bookHeld(ROOMY, held.string("holdId"), "HMS-HOLD-1B"), 409, "hold-expired");
        assertThat(release(ROOMY, held.string("holdId")).status()).as("releasing a booked hold changes nothing").isEqualTo(204);
        assertThat(api.get(OPS_KEY, ROOMY + "/bookings/" + booked.string("bookingRef")).string("status")).isEqualTo("BOOKED");
    }

    @Test
    void thirtyParallelHoldsOnASlotOfCapacityThreeMakeExactlyThree() throws Exception {
        String slotId = (String) slot(ROOMY, "2026-03-04").get("slotId");

        List<Integer> statuses = holdInParallel(ROOMY, slotId, "HMS-HOLD-RACE-", 30);

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(3);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(27);
    }

    /** The statuses of that many holds of the slot, each for its own job, sent at once. */
    List<Integer> holdInParallel(String council, String slotId, String externalRefPrefix, int holds) throws Exception {
        return AtOnce.results(holds, i -> hold(council, slotId, externalRefPrefix + i).status());
    }

    @Test
    void heldCapacityIsNotOfferedAndReleasingOrExpiryOffersItAgain() {
        Map<String, Object> slot = slot(ROOMY, "2026-03-05");
        String slotId = (String) slot.get("slotId");
        String first = hold(ROOMY, slotId, "HMS-HOLD-A").string("holdId");
        assertThat(offered(ROOMY, "2026-03-05", slotId)).as("capacity left").isTrue();
        String second = hold(ROOMY, slotId, "HMS-HOLD-B").string("holdId");
        hold(ROOMY, slotId, "HMS-HOLD-C");
        assertThat(offered(ROOMY, "2026-03-05", slotId)).as("all held").isFalse();
        assertProblem(api.post(OPS_KEY, ROOMY + "/bookings", Requests.book(slotId, "HMS-HOLD-D")), 409, "slot-unavailable");

        assertThat(release(ROOMY, first).status()).isEqualTo(204);
        assertThat(release(ROOMY, first).status()).as("again").isEqualTo(204);
        assertThat(offered(ROOMY, "2026-03-05", slotId)).as("released").isTrue();

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        sweeper.sweep();
        assertProblem(bookHeld(ROOMY, second, "HMS-HOLD-B"), 409, "hold-expired");
        assertThat(api.post(OPS_KEY, ROOMY + "/bookings", Requests.book(slotId, "HMS-HOLD-E")).status())
                .as("the expired holds gave their capacity back").isEqualTo(201);
    }

    @Test
    void aHoldIsBookedForTheJobItWasHeldForOnly() {
        Reply held = hold(ROOMY, (String) slot(ROOMY, "2026-03-06").get("slotId"), "HMS-HOLD-G");

        Reply other = bookHeld(ROOMY, held.string("holdId"), "HMS-HOLD-H");

        assertProblem(other, 400, "validation");
        assertThat(other.text()).contains("\"field\":\"job\"");
        assertThat(bookHeld(ROOMY, held.string("holdId"), "HMS-HOLD-G").status()).as("the hold still stands").isEqualTo(201);
    }

    @Test
    void aForgedHoldIdIsNotFound() {
        assertProblem(release(ROOMY, "bm90LWEtaG9sZA"), 404, "hold-not-found");
        assertProblem(bookHeld(ROOMY, "bm90LWEtaG9sZA", "HMS-HOLD-F"), 404, "hold-not-found");
    }
}
