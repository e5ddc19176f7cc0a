package dev.slotbridge.door.v1;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.provider.drs.GatewaySchema;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * For each step of each provider's booking sequence, the scheduler does the work and its answer is lost (late, past
 * the council's time limit, or a dropped connection), observed through the real HTTP server: the end state is exactly
 * one booking in the chosen slot and a 201, or none and a 502 saying so; a repeat with the same Idempotency-Key
 * never makes a second booking.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LostAnswerMatrixApiTest extends ApiTestBase implements TestPropertyProvider {
    private final FakeDrs drs = new FakeDrs();
    private final WireMockServer gateway = FakeDrs.server(drs);
    private final FakeConnect connect = new FakeConnect();
    private final WireMockServer connectServer = FakeConnect.server(connect);
    private int requests;

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        connectServer.start();
        Map<String, String> properties = new HashMap<>(FakeCouncils.drs("lossy-drs", gateway));
        properties.putAll(FakeCouncils.connect("lossy-connect", connectServer));
        properties.put("slotbridge.clients.ops.councils", "lossy-drs,lossy-connect");
        properties.put("slotbridge.councils.lossy-drs.resilience.timeout", "1s");
        properties.put("slotbridge.councils.lossy-connect.resilience.timeout", "1s");
        return properties;
    }

    @AfterEach
    void forget() {
        drs.reset();
        connect.reset();
    }

    @AfterAll
    void stop() {
        gateway.getAllServeEvents().forEach(event -> GatewaySchema.validate(event.getRequest().getBodyAsString()));
        gateway.stop();
        connectServer.stop();
    }

    @ParameterizedTest(name = "DRS {0} answer {1}")
    @CsvSource({"createOrder, LATE", "createOrder, DROPPED", "scheduleBooking, LATE", "scheduleBooking, DROPPED",
            "deleteOrder, DROPPED", "selectOrder, DROPPED"})
    void drs(String step, String how) {
        String order = "HMS-DRS-" + ++requests;
        Map<String, Object> slot = slots("lossy-drs", Requests.search("2026-03-02", "2026-03-02")).getFirst();
        if (step.equals("deleteOrder") || step.equals("selectOrder")) {
            // the slot is taken, so scheduling is refused and the new order must be removed; or the lookup is lost
            book("lossy-drs", slot, "HMS-DRS-TAKEN-" + requests, "taken-" + requests);
            drs.loseNextAnswer("scheduleBooking", FakeDrs.LostAnswer.DROPPED);
        }
        drs.loseNextAnswer(step, FakeDrs.LostAnswer.valueOf(how));

        Reply first = book("lossy-drs", slot, order, "drs-" + requests);
        Reply repeat = book("lossy-drs", slot, order, "drs-" + requests);

        List<String> held = drs.orders().stream().filter(line -> line.startsWith(order + " ")).toList();
        String window = instant((String) slot.get("start")) + "/" + instant((String) slot.get("end"));
        assertThat(first.status()).as(first.text()).isIn(201, 409, 502);
        if (first.status() == 201) {
            assertThat(repeat.body()).as("the repeat replays the booking").isEqualTo(first.body());
        }
        if (repeat.status() == 201) {
            assertThat(held).as("one order, scheduled in the chosen slot").containsExactly(order + " " + window);
        } else {
            assertThat(held).as("nothing left behind").isEmpty();
        }
        if (first.status() == 502) {
            assertThat(first.string("detail")).contains("nothing is booked");
        }
    }

    @ParameterizedTest(name = "Connect {0} answer {1}")
    @CsvSource({"POST /api/booking, LATE", "POST /api/booking, DROPPED", "GET /api/BookingSummary, LATE",
            "GET /api/BookingSummary, DROPPED", "PATCH /api/SalesOrder, DROPPED"})
    void connect(String step, String how) {
        String order = "HMS-C-" + ++requests;
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-06");
        search.put("externalRef", order);
        Map<String, Object> slot = slots("lossy-connect", search).getFirst();
        connect.loseNextAnswer(step, FakeConnect.LostAnswer.valueOf(how));

        Reply first = book("lossy-connect", slot, order, "connect-" + requests);
        Reply repeat = book("lossy-connect", slot, order, "connect-" + requests);

        assertThat(first.status()).as(first.text()).isIn(201, 502);
        assertThat(repeat.status()).as(repeat.text()).isEqualTo(201);
        if (first.status() == 201) {
            assertThat(repeat.body()).isEqualTo(first.body());
            assertThat(first.map("slot")).containsEntry("start", slot.get("start"));
        } else {
            assertThat(first.string("detail")).contains("nothing is booked");
        }
        assertThat(connect.visits()).as("exactly one visit, in the chosen window")
                .containsExactly(order + " 2026-03-02T08:00:00 5");
    }

    @ParameterizedTest(name = "DRS reschedule and cancel, answers {0}")
    @CsvSource({"LATE", "DROPPED"})
    void drsRescheduleAndCancel(String how) {
        String order = "HMS-DRS-MOVE-" + ++requests;
        List<Map<String, Object>> slots = slots("lossy-drs", Requests.search("2026-03-03", "2026-03-03"));
        String ref = book("lossy-drs", slots.get(0), order, "drs-move-" + requests).string("bookingRef");
        drs.loseNextAnswer("scheduleBooking", FakeDrs.LostAnswer.valueOf(how));

        Reply moved = api.post(OPS_KEY, "/v1/councils/lossy-drs/bookings/" + ref + "/reschedule",
                Map.of("slotId", slots.get(1).get("slotId")));

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.map("slot")).containsEntry("start", slots.get(1).get("start"));
        assertThat(drs.orders()).as("the old window is freed as the new one is held").containsExactly(order + " "
                + instant((String) slots.get(1).get("start")) + "/" + instant((String) slots.get(1).get("end")));

        drs.loseNextAnswer("deleteOrder", FakeDrs.LostAnswer.valueOf(how));
        Reply cancelled = api.post(OPS_KEY, "/v1/councils/lossy-drs/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        assertThat(drs.orders()).isEmpty();
    }

    @ParameterizedTest(name = "Connect reschedule and cancel, {0} answer {1}")
    @CsvSource({"POST /api/booking, LATE", "POST /api/booking, DROPPED", "GET /api/BookingSummary, DROPPED"})
    void connectRescheduleAndCancel(String step, String how) {
        String order = "HMS-C-MOVE-" + ++requests;
        Map<String, Object> search = Requests.search("2026-03-02", "2026-03-06");
        search.put("externalRef", order);
        List<Map<String, Object>> slots = slots("lossy-connect", search);
        String ref = book("lossy-connect", slots.get(0), order, "connect-move-" + requests).string("bookingRef");
        connect.loseNextAnswer(step, FakeConnect.LostAnswer.valueOf(how));

        Reply moved = api.post(OPS_KEY, "/v1/councils/lossy-connect/bookings/" + ref + "/reschedule",
                Map.of("slotId", slots.get(1).get("slotId")));

        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.map("slot")).containsEntry("start", slots.get(1).get("start"));
        assertThat(connect.visits()).containsExactly(order + " 2026-03-02T13:00:00 5");

        connect.loseNextAnswer("PATCH /api/SalesOrder", FakeConnect.LostAnswer.valueOf(how.equals("LATE") ? "LATE" : "DROPPED"));
        Reply cancelled = api.post(OPS_KEY, "/v1/councils/lossy-connect/bookings/" + ref + "/cancel", Map.of("reason", "Tenant request"));

        assertThat(cancelled.status()).as(cancelled.text()).isEqualTo(200);
        assertThat(cancelled.string("status")).isEqualTo("CANCELLED");
        assertThat(connect.visits()).containsExactly(order + " 2026-03-02T13:00:00 4");
    }

    private List<Map<String, Object>> slots(String council, Map<String, Object> search) {
        Reply reply = api.post(OPS_KEY, "/v1/councils/" + council + "/appointment-search", search);
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.list("slots");
    }

    private Reply book(String council, Map<String, Object> slot, String order, String key) {
        return api.post(OPS_KEY, "/v1/councils/" + council + "/bookings", Requests.book((String) slot.get("slotId"), order),
                Map.of("Idempotency-Key", key));
    }

    private static String instant(String text) {
        return java.time.Instant.parse(text).toString();
    }
}
