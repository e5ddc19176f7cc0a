package dev.slotbridge.door.v1;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
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

/** A council on Totalmobile Connect, end to end through the API (Connect played by the fake from provider-connect). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class ConnectCouncilApiTest extends ApiTestBase implements TestPropertyProvider {
    private static final String COUNCIL = "/v1/councils/connected";
    private final WireMockServer connect = FakeConnect.server(new FakeConnect());

    @Override
    public Map<String, String> getProperties() {
        connect.start();
        Map<String, String> properties = FakeCouncils.connect("connected", connect);
        properties.put("slotbridge.clients.ops.councils", "connected");
        return properties;
    }

    @AfterAll
    void stop() {
        connect.stop();
    }

    private Map<String, Object> search(String externalRef) {
        Map<String, Object> body = Requests.search("2026-03-02", "2026-03-06");
        if (externalRef != null) {
            body.put("externalRef", externalRef);
        }
        return body;
    }

    @Test
    void aSearchWithoutExternalRefIs400NamingIt() {
        Reply reply = api.post(OPS_KEY, COUNCIL + "/appointment-search", search(null));

        assertProblem(reply, 400, "validation");
        assertThat(reply.list("errors")).extracting(error -> error.get("field")).containsExactly("externalRef");
    }

    @Test
    void theWholeLifecycleOnConnect() {
        List<Map<String, Object>> slots = api.post(OPS_KEY, COUNCIL + "/appointment-search", search("HMS-CX-1")).list("slots");
        assertThat(slots).isNotEmpty();
        assertThat(slots.getFirst()).containsEntry("label", "AM").containsEntry("start", "2026-03-02T08:00:00Z")
                .containsEntry("end", "2026-03-02T12:59:00Z");

        Reply booked = api.post(OPS_KEY, COUNCIL + "/bookings", Requests.book((String) slots.get(0).get("slotId"), "HMS-CX-1"));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        String ref = booked.string("bookingRef");
        assertThat(booked.map("providerRefs")).containsEntry("orderId", "HMS-CX-1").containsKey("visitId");

        assertThat(api.get(OPS_KEY, COUNCIL + "/bookings/" + ref).string("status")).isEqualTo("BOOKED");
        assertThat(api.get(OPS_KEY, COUNCIL + "/bookings?propertyRef=" + Requests.PROPERTY).list("bookings"))
                .extracting(b -> b.get("bookingRef")).contains(ref);

        Reply moved = api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/reschedule", Map.of("slotId", slots.get(1).get("slotId")));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.string("bookingRef")).isEqualTo(ref);
        assertThat(moved.map("slot")).containsEntry("start", slots.get(1).get("start"));

        Reply cancelled = api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        assertThat(api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request")).status())
                .isEqualTo(200);
        assertProblem(api.post(OPS_KEY, COUNCIL + "/bookings/" + ref + "/reschedule", Map.of("slotId", slots.get(2).get("slotId"))),
                409, "booking-not-active");
    }
}
