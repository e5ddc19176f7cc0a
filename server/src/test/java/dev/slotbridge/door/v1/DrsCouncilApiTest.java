package dev.slotbridge.door.v1;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.provider.drs.GatewaySchema;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static dev.slotbridge.door.v1.ProblemAssertions.assertProblem;
import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** A council on Kirona DRS, end to end through the API (the gateway played by the fake from provider-drs). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class DrsCouncilApiTest extends ApiTestBase implements TestPropertyProvider {
    private static final String COUNCIL = "/v1/councils/lincoln";
    private final WireMockServer gateway = FakeDrs.server(new FakeDrs());

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        Map<String, String> properties = FakeCouncils.drs("lincoln", gateway);
        properties.put("slotbridge.clients.ops.councils", "lincoln");
        properties.put("slotbridge.councils.lincoln.name", "City of Lincoln Council");
        return properties;
    }

    @AfterAll
    void stop() {
        gateway.getAllServeEvents().forEach(event -> GatewaySchema.validate(event.getRequest().getBodyAsString()));
        gateway.stop();
    }

    @Test
    void theWholeLifecycleOnDrs() {
        List<Map<String, Object>> slots = api.post(OPS_KEY, COUNCIL + "/appointment-search",
                Requests.search("2026-03-02", "2026-03-13")).list("slots");
        assertThat(slots).hasSize(10 * 4);
        assertThat(slots.getFirst()).containsEntry("start", "2026-03-02T08:00:00Z").containsEntry("label", null);

        Reply booked = api.post(OPS_KEY, COUNCIL + "/bookings", Requests.book((String) slots.get(0).get("slotId"), "HMS-DRS-1"));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String ref = booked.string("bookingRef");
        assertThat(booked.map("providerRefs")).containsKeys("orderId", "bookingId");

        Reply viewed = api.get(OPS_KEY, COUNCIL + "/bookings/" + ref);
        assertThat(viewed.string("status")).isEqualTo("BOOKED");
        assertThat(viewed.map("job")).containsEntry("description", "Kitchen tap leaking under sink");
        assertThat(api.get(OPS_KEY, COUNCIL + "/bookings?propertyRef=" + Requests.PROPERTY).list("bookings")).hasSize(1);

        Reply taken = api.post(OPS_KEY, COUNCIL + "/bookings", Requests.book((String) slots.get(0).get("slotId"), "HMS-DRS-2"));
        assertProblem(taken, 409, "slot-unavailable");

        Reply moved = api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/reschedule", Map.of("slotId", slots.get(5).get("slotId")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.map("slot")).containsEntry("start", slots.get(5).get("start"));
        assertThat(api.get(OPS_KEY, COUNCIL + "/bookings/" + ref).map("slot")).containsEntry("start", slots.get(5).get("start"));

        Reply cancelled = api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        assertThat(api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request")).string("status"))
                .isEqualTo("CANCELLED");
        assertProblem(api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/reschedule", Map.of("slotId", slots.get(7).get("slotId"))),
                409, "booking-not-active");
    }
}
