package dev.slotbridge.door.hro;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.HroClient.Answer;
import dev.slotbridge.server.testing.HroClient;
import dev.slotbridge.server.testing.Requests;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HRO client against a council on the Connect fake. Connect finds slots per sales order, and the client searches
 * before it has a reference: its search is 501, saying so; booking, repeating, moving and cancelling by reference work.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
final class HroOnConnectApiTest implements TestPropertyProvider {
    private static final String COUNCIL = "newark";
    private final FakeConnect connect = new FakeConnect();
    private final WireMockServer scheduler = FakeConnect.server(connect);

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    HroClient hro;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        scheduler.start();
        Map<String, String> properties = new HashMap<>(FakeCouncils.connect(COUNCIL, scheduler));
        properties.put("slotbridge.clients.ops.councils", COUNCIL);
        properties.put("slotbridge.hro.jwt-secret", "an-hro-test-secret-of-at-least-32-chars");
        properties.put("slotbridge.hro.front-ends.portal.identifier-sha256", HroApiTest.sha256(HroApiTest.IDENTIFIER));
        properties.put("slotbridge.hro.front-ends.portal.council", COUNCIL);
        return properties;
    }

    @BeforeEach
    void connect() {
        hro = new HroClient(server.getURI(), "", HroApiTest.IDENTIFIER, json);
        api = new Api(server.getURI(), json);
    }

    @AfterAll
    void stop() {
        scheduler.stop();
    }

    @Test
    void theSearchIsNotSupportedAndSaysWhy() {
        Answer answer = hro.availableAppointments("sorCode=N373049&locationId=3670010", null);

        assertThat(answer.status()).isEqualTo(501);
        assertThat(answer.text()).contains("capability-not-supported", "per order");
    }

    @Test
    void aRepeatedBookingMakesOneVisitThatMovesAndCancelsByReference() {
        Map<String, Object> search = new HashMap<>(Requests.search("2026-03-02", "2026-03-06"));
        search.put("externalRef", "HRO-CONNECT-1");
        List<Map<String, Object>> slots = api.post(Api.OPS_KEY, "/v1/councils/" + COUNCIL + "/appointment-search", search)
                .list("slots");
        String query = "bookingReference=HRO-CONNECT-1&sorCode=N373049&locationId=3670010"
                + "&startDateTime=" + slots.get(0).get("start") + "&endDateTime=" + slots.get(0).get("end");

        assertThat(hro.bookAppointment(query, "{\"Text\":\"Bathroom Extractor fan broken\"}").status()).isEqualTo(200);
        assertThat(hro.bookAppointment(query, "{\"Text\":\"Bathroom Extractor fan broken\"}").text()).isEqualTo("HRO-CONNECT-1");
        assertThat(connect.visits()).as("one visit").hasSize(1);

        Answer moved = hro.updateAppointmentSlot("bookingReference=HRO-CONNECT-1&startDateTime=" + slots.get(3).get("start")
                + "&endDateTime=" + slots.get(3).get("end"));
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(hro.cancelAppointment("HRO-CONNECT-1").status()).isEqualTo(200);
        assertThat(connect.visits()).as("cancelled (visit status 4), or gone").allSatisfy(visit -> assertThat(visit).endsWith(" 4"));
    }
}
