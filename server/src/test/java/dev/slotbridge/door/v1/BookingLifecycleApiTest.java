package dev.slotbridge.door.v1;

import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.DEMO_KEY;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Search → book → view → list → reschedule → cancel on the sandbox, through the real server. */
@MicronautTest
class BookingLifecycleApiTest extends ApiTestBase {
    private static final String SANDBOX = "/v1/councils/sandbox";

    private List<Map<String, Object>> slots(String council, String from, String to) {
        Reply search = api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", Requests.search(from, to));
        assertThat(search.status()).isEqualTo(200);
        return search.list("slots");
    }

    @Test
    void theWholeLifecycle() {
        List<Map<String, Object>> slots = slots("sandbox", "2026-03-02", "2026-03-06");
        String first = (String) slots.get(0).get("slotId");
        String second = (String) slots.get(1).get("slotId");

        Reply booked = api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(first, "HMS-LIFE-1"));
        assertThat(booked.status()).isEqualTo(201);
        String ref = booked.string("bookingRef");
        assertThat(ref).matches("[A-Za-z0-9_-]+");
        assertThat(booked.header("Location")).isEqualTo(SANDBOX + "/bookings/" + ref);
        assertThat(booked.body()).containsEntry("council", "sandbox").containsEntry("status", "BOOKED")
                .containsEntry("accessNotes", "Dog in garden");
        assertThat(booked.map("slot")).containsEntry("start", slots.get(0).get("start"))
                .containsEntry("end", slots.get(0).get("end")).containsEntry("label", slots.get(0).get("label"));
        assertThat(booked.map("job")).containsEntry("externalRef", "HMS-LIFE-1")
                .containsEntry("description", "Kitchen tap leaking under sink");
        assertThat(booked.map("contact")).containsEntry("phone", "07700900123");
        assertThat(booked.map("providerRefs")).containsKeys("orderId", "bookingId");

        Reply viewed = api.get(DEMO_KEY, SANDBOX + "/bookings/" + ref);
        assertThat(viewed.status()).isEqualTo(200);
        assertThat(viewed.body()).isEqualTo(booked.body());

        Reply listed = api.get(DEMO_KEY, SANDBOX + "/bookings?propertyRef=" + Requests.PROPERTY);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.list("bookings")).extracting(b -> b.get("bookingRef")).contains(ref);

        Reply moved = api.post(DEMO_KEY, SANDBOX + "/bookings/" + ref + "/reschedule", Map.of("slotId", second));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.string("bookingRef")).isEqualTo(ref);
        assertThat(moved.map("slot")).containsEntry("start", slots.get(1).get("start"));

        Reply cancelled = api.post(DEMO_KEY, SANDBOX + "/bookings/" + ref + "/cancel",
                Map.of("reason", "Tenant request", "description", "Fixed it myself"));
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");

        Reply again = api.post(DEMO_KEY, SANDBOX + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(cancelled.body());

        Reply notActive = api.post(DEMO_KEY, SANDBOX + "/bookings/" + ref + "/reschedule", Map.of("slotId", first));
        assertProblem(notActive, 409, "booking-not-active");

        Reply afterCancel = api.get(DEMO_KEY, SANDBOX + "/bookings?propertyRef=" + Requests.PROPERTY);
        assertThat(afterCancel.list("bookings")).filteredOn(b -> ref.equals(b.get("bookingRef")))
                .extracting(b -> b.get("status")).containsExactly("CANCELLED");
    }

    @Test
    void searchGivesStableSlotIdsSortedByStart() {
        List<Map<String, Object>> once = slots("sandbox", "2026-03-02", "2026-03-13");
        List<Map<String, Object>> twice = slots("sandbox", "2026-03-02", "2026-03-13");

        assertThat(once).isNotEmpty().isEqualTo(twice);
        assertThat(once).extracting(slot -> (String) slot.get("start")).isSorted();
        assertThat(once).extracting(slot -> slot.get("slotId")).doesNotHaveDuplicates();
        assertThat(once.getFirst()).containsKeys("slotId", "start", "end", "label", "preferred");
    }

    @Test
    void aTakenSlotIsSlotUnavailable() {
        // the sandbox council has the default capacity of 3 bookings a window
        String slotId = (String) slots("sandbox", "2026-03-09", "2026-03-09").getFirst().get("slotId");
        for (int i = 0; i < 3; i++) {
            assertThat(api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(slotId, "HMS-TAKEN-" + i)).status())
                    .isEqualTo(201);
        }

        assertProblem(api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(slotId, "HMS-TAKEN-4")),
                409, "slot-unavailable");
    }

    @Test
    void theSchedulersRefusalIsRejectedByScheduler() {
        List<Map<String, Object>> slots = slots("sandbox", "2026-03-10", "2026-03-11");
        api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book((String) slots.get(0).get("slotId"), "HMS-TWICE"));

        Reply refused = api.post(DEMO_KEY, SANDBOX + "/bookings",
                Requests.book((String) slots.get(1).get("slotId"), "HMS-TWICE"));

        assertProblem(refused, 422, "rejected-by-scheduler");
        assertThat(refused.string("detail")).contains("HMS-TWICE").contains("already has an active booking");
    }

    @Test
    void aForgedOrAlteredSlotIdIsInvalid() {
        String slotId = (String) slots("sandbox", "2026-03-02", "2026-03-06").getFirst().get("slotId");
        char last = slotId.charAt(slotId.length() - 1);
        String altered = slotId.substring(0, slotId.length() - 1) + (last == 'A' ? 'B' : 'A');

        for (String bad : List.of(altered, "not-a-slot", slotId.substring(0, 20))) {
            Reply reply = api.post(DEMO_KEY, SANDBOX + "/bookings", Requests.book(bad, "HMS-FORGED"));
            assertProblem(reply, 400, "invalid-slot-id");
            assertThat(reply.list("errors")).extracting(e -> e.get("field")).containsExactly("slotId");
        }
    }

    @Test
    void aSlotIdFromAnotherCouncilIsInvalid() {
        String roomySlot = (String) slots("roomy", "2026-03-02", "2026-03-06").getFirst().get("slotId");

        assertProblem(api.post(OPS_KEY, SANDBOX + "/bookings", Requests.book(roomySlot, "HMS-X")), 400, "invalid-slot-id");
    }

    @Test
    void aBookingRefThatWasNotIssuedIsNotFound() {
        String slotId = (String) slots("sandbox", "2026-03-02", "2026-03-06").getFirst().get("slotId");

        assertProblem(api.get(DEMO_KEY, SANDBOX + "/bookings/nonsense"), 404, "booking-not-found");
        assertProblem(api.get(DEMO_KEY, SANDBOX + "/bookings/" + slotId), 404, "booking-not-found");
        assertProblem(api.post(DEMO_KEY, SANDBOX + "/bookings/nonsense/cancel", Map.of("reason", "x")),
                404, "booking-not-found");
        assertProblem(api.post(DEMO_KEY, SANDBOX + "/bookings/nonsense/reschedule", Map.of("slotId", slotId)),
                404, "booking-not-found");
    }

    @Test
    void userTextArrivesIntact() {
        String slotId = (String) slots("sandbox", "2026-03-12", "2026-03-12").getFirst().get("slotId");
        Map<String, Object> body = Requests.book(slotId, "HMS-TEXT");
        @SuppressWarnings("unchecked")
        Map<String, Object> job = (Map<String, Object>) body.get("job");
        job.put("description", "Tap <leaking> & \"dripping\" – O'Neill's flat");

        Reply booked = api.post(DEMO_KEY, SANDBOX + "/bookings", body);

        assertThat(booked.map("job")).containsEntry("description", "Tap <leaking> & \"dripping\" – O'Neill's flat");
    }
}
