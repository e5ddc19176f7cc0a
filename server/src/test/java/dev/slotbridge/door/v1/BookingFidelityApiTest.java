package dev.slotbridge.door.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API answers is what the scheduler holds: on the sandbox, DRS and Connect, the 201 of a booking and the 200
 * of a reschedule equal an immediate {@code GET}; on Connect the tenant's description and the contact given with the
 * search reach the order, and a held window is withheld from other jobs' searches and bookings. Configured by
 * {@code operator/booking-fidelity.yml}.
 */
@MicronautTest(propertySources = "classpath:operator/booking-fidelity.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class BookingFidelityApiTest extends ApiTestBase implements TestPropertyProvider {
    private static final String OTHER_KEY = "portal-key";
    private final FakeConnect connect = new FakeConnect();
    private final WireMockServer connectServer = FakeConnect.server(connect);
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer drsServer = FakeDrs.server(drs);
    private int orders;

    @Inject
    TestClock clock;

    @Override
    public Map<String, String> getProperties() {
        connectServer.start();
        drsServer.start();
        return Map.of("fakes.connect-url", connectServer.baseUrl() + FakeConnect.BASE,
                "fakes.drs-endpoint", drsServer.baseUrl() + FakeDrs.PATH);
    }

    @AfterEach
    void forget() {
        clock.advance(Duration.ofMinutes(31));
        connect.reset();
        drs.reset();
    }

    @AfterAll
    void stop() {
        connectServer.stop();
        drsServer.stop();
    }

    private String order() {
        return "HMS-FID-" + (++orders);
    }

    private Map<String, Object> search(String externalRef, String day) {
        Map<String, Object> body = Requests.search(day, day);
        body.put("externalRef", externalRef);
        return body;
    }

    private List<Map<String, Object>> slots(String key, String council, Map<String, Object> search) {
        Reply found = api.post(key, "/v1/councils/" + council + "/appointment-search", search);
        assertThat(found.status()).as(found.text()).isEqualTo(200);
        return found.list("slots");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sandbox", "lincoln", "connected"})
    void theBookingAnsweredAndTheBookingMovedAreWhatAnImmediateGetShows(String council) {
        String order = order();
        List<Map<String, Object>> slots = slots(OPS_KEY, council, search(order, "2026-03-04"));
        Reply booked = api.post(OPS_KEY, "/v1/councils/" + council + "/bookings",
                Requests.book((String) slots.get(0).get("slotId"), order));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String path = "/v1/councils/" + council + "/bookings/" + booked.string("bookingRef");

        assertThat(api.get(OPS_KEY, path).body()).as("GET after the 201").isEqualTo(booked.body());

        Reply moved = api.post(OPS_KEY, path + "/reschedule", Map.of("slotId", slots.get(1).get("slotId")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(api.get(OPS_KEY, path).body()).as("GET after the reschedule").isEqualTo(moved.body());
    }

    @Test
    void onConnectTheBookingsDescriptionAndTheSearchsContactReachTheOrder() {
        String order = order();
        Map<String, Object> search = search(order, "2026-03-04");
        search.put("description", "Tap problem");
        search.put("contact", Map.of("name", "Ann Tenant", "phone", "07700900123", "email", "ann@example.org"));
        List<Map<String, Object>> slots = slots(OPS_KEY, "connected", search);

        Map<String, Object> booking = Requests.book((String) slots.get(0).get("slotId"), order);
        booking.remove("contact");
        Reply booked = api.post(OPS_KEY, "/v1/councils/connected/bookings", booking);

        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        JsonNode held = connect.order(order).orElseThrow();
        assertThat(held.path("JobDescription").asText()).isEqualTo("Kitchen tap leaking under sink");
        assertThat(held.path("OrderContact").path("ContactName").asText()).isEqualTo("Ann Tenant");
        assertThat(held.path("OrderContact").path("MobilePhone").asText()).isEqualTo("07700900123");
        assertThat(booked.map("job")).containsEntry("description", "Kitchen tap leaking under sink");
        assertThat(booked.map("contact")).containsEntry("name", "Ann Tenant").containsEntry("email", "ann@example.org");
    }

    @Test
    void onConnectAContactFirstGivenAtBookingIsNotAnsweredAsIfStored() {
        String order = order();
        List<Map<String, Object>> slots = slots(OPS_KEY, "connected", search(order, "2026-03-04"));

        Reply booked = api.post(OPS_KEY, "/v1/councils/connected/bookings",
                Requests.book((String) slots.get(0).get("slotId"), order));

        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        assertThat(booked.body().get("contact")).isNull();
        assertThat(connect.order(order).orElseThrow().has("OrderContact")).isFalse();
    }

    @Test
    void onConnectAHeldWindowIsWithheldFromEveryOtherJobAndClient() {
        String day = "2026-03-05";
        String holder = order();
        Map<String, Object> slot = slots(OPS_KEY, "connected", search(holder, day)).getFirst();
        Map<String, Object> hold = new LinkedHashMap<>();
        hold.put("slotId", slot.get("slotId"));
        hold.put("job", Requests.job(holder));
        Reply held = api.post(OPS_KEY, "/v1/councils/connected/holds", hold);
        assertThat(held.status()).as(held.text()).isEqualTo(201);

        String other = order();
        List<Map<String, Object>> offeredToOthers = slots(OTHER_KEY, "connected", search(other, day));
        assertThat(offeredToOthers).as("another order's search while the window is held")
                .noneMatch(offered -> offered.get("start").equals(slot.get("start")) && offered.get("end").equals(slot.get("end")));

        clock.advance(Duration.ofMinutes(6));
        assertThat(slots(OTHER_KEY, "connected", search(other, day))).as("once the hold has ended")
                .anyMatch(offered -> offered.get("start").equals(slot.get("start")));
    }

    @Test
    void onConnectAnotherClientBookingAHeldWindowUnderItsOwnOrderIs409() {
        String day = "2026-03-06";
        String other = order();
        Map<String, Object> othersSlot = slots(OTHER_KEY, "connected", search(other, day)).getFirst();
        String holder = order();
        Map<String, Object> slot = slots(OPS_KEY, "connected", search(holder, day)).stream()
                .filter(candidate -> candidate.get("start").equals(othersSlot.get("start"))).findFirst().orElseThrow();
        Reply held = api.post(OPS_KEY, "/v1/councils/connected/holds",
                Map.of("slotId", slot.get("slotId"), "job", Requests.job(holder)));
        assertThat(held.status()).as(held.text()).isEqualTo(201);

        Reply booked = api.post(OTHER_KEY, "/v1/councils/connected/bookings",
                Requests.book((String) othersSlot.get("slotId"), other));

        assertProblem(booked, 409, "slot-unavailable");
        assertThat(connect.visits()).isEmpty();
    }
}
