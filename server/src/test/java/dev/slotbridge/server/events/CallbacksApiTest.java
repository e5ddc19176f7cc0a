package dev.slotbridge.server.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.FakeCouncils;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.server.testing.WebhookReceiver;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes made inside the schedulers, told through their callbacks: DRS's SOAP {@code bookingConfirmation} and
 * Connect's JSON callback, each authenticated by the council's secret, become events for the booking's maker
 * ({@code booking.rescheduled}, {@code booking.cancelled}) and {@code booking.changed} for other subscribers; echoes of
 * Slotbridge's own changes, unknown orders and bad callbacks make none.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallbacksApiTest implements TestPropertyProvider {
    static final String LINCOLN = "/v1/councils/lincoln";
    static final String LEEDS = "/v1/councils/leeds";
    static final String SECRET = "drs-callback-secret-0001";
    static final String CONNECT_SECRET = "connect-callback-secret-01";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    final FakeDrs drs = new FakeDrs();
    final WireMockServer gateway = FakeDrs.server(drs);
    final FakeConnect connect = new FakeConnect();
    final WireMockServer connectServer = FakeConnect.server(connect);
    final WebhookReceiver opsReceiver = WebhookReceiver.start();
    final WebhookReceiver otherReceiver = WebhookReceiver.start();

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    WebhookDispatcher dispatcher;
    Api api;

    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        connectServer.start();
        Map<String, String> properties = new HashMap<>(FakeCouncils.drs("lincoln", gateway));
        properties.putAll(FakeCouncils.connect("leeds", connectServer));
        properties.put("slotbridge.councils.lincoln.callbacks.secret", SECRET);
        properties.put("slotbridge.councils.leeds.callbacks.secret", CONNECT_SECRET);
        properties.put("slotbridge.clients.ops.councils", "sandbox,lincoln,leeds");
        properties.put("slotbridge.webhooks.dispatch-interval", "1h");
        properties.putAll(opsReceiver.subscription("ops", 0, "ops-webhook-secret",
                "booking.created,booking.rescheduled,booking.cancelled"));
        properties.put("slotbridge.clients.other.key-sha256", "b06dae285a935240f0cc4acf8e0820872e0c02a9a76eb33c7768150ec149d4df");
        properties.put("slotbridge.clients.other.councils", "lincoln,leeds");
        properties.putAll(otherReceiver.subscription("other", 0, "other-webhook-secret", "booking.changed"));
        return properties;
    }

    @BeforeEach
    void connect() {
        api = new Api(server.getURI(), json);
        dispatcher.dispatch().join();
        opsReceiver.reset();
        otherReceiver.reset();
    }

    @AfterAll
    void stop() {
        gateway.stop();
        connectServer.stop();
        opsReceiver.close();
        otherReceiver.close();
    }

    private Reply book(String council, String day, String externalRef) {
        Map<String, Object> search = Requests.search(day, day);
        search.put("externalRef", externalRef);
        String slotId = (String) api.post(OPS_KEY, council + "/appointment-search", search)
                .list("slots").getFirst().get("slotId");
        Reply booked = api.post(OPS_KEY, council + "/bookings", Requests.book(slotId, externalRef));
        assertThat(booked.status()).as(booked.text()).isEqualTo(201);
        return booked;
    }

    private Reply post(String path, String contentType, String body, String basicPassword) {
        Map<String, String> headers = basicPassword == null ? Map.of() : Map.of("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("drs:" + basicPassword).getBytes(StandardCharsets.UTF_8)));
        return api.postAs(contentType, path, body, headers);
    }

    private static String confirmation(int bookingId, String orderNumber, String start, String end) {
        return """
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"
                                  xmlns:bg="http://autogenerated.OTBackgroundService.xmbrace.com/">
                  <soapenv:Header/>
                  <soapenv:Body>
                    <bg:bookingConfirmation>
                      <bookingConfirmation>
                        <bookingId>%d</bookingId>
                        <bookingReason>Planner moved visit</bookingReason>
                        <changedDate>2026-03-02T14:21:01</changedDate>
                        <locationID>3670010</locationID>
                        <planningWindowEnd>%s</planningWindowEnd>
                        <planningWindowStart>%s</planningWindowStart>
                        <primaryOrderNumber>%s</primaryOrderNumber>
                        <theBookingCodes><bookingCodeSORCode>N373049</bookingCodeSORCode></theBookingCodes>
                        <tokenId>q8Zf2LkPz0aVYw3Ns7Hx</tokenId>
                        <userId>planner01</userId>
                      </bookingConfirmation>
                    </bg:bookingConfirmation>
                  </soapenv:Body>
                </soapenv:Envelope>""".formatted(bookingId, end, start, orderNumber);
    }

    private List<Map<String, Object>> events(WebhookReceiver receiver) {
        return receiver.events(json);
    }

    @Test
    void aMoveInsideDrsIsToldToTheMakerAsRescheduledAndAnEchoOfSlotbridgesOwnBookingIsNot() {
        Reply booked = book(LINCOLN, "2026-03-03", "HMS-CB-1");
        dispatcher.dispatch().join();
        opsReceiver.reset();
        otherReceiver.reset();
        int bookingId = drs.bookingIdOf("HMS-CB-1");
        String start = booked.map("slot").get("start").toString().substring(0, 19);
        String end = booked.map("slot").get("end").toString().substring(0, 19);

        Reply echo = post("/callbacks/lincoln/drs", "text/xml; charset=utf-8",
                confirmation(bookingId, "HMS-CB-1", start, end), SECRET);
        assertThat(echo.status()).as(echo.text()).isEqualTo(200);
        assertThat(echo.text()).contains("bookingConfirmationResponse").contains("http://autogenerated.OTBackgroundService.xmbrace.com/");
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("an echo of Slotbridge's own booking").isEmpty();

        drs.plannerMoves("HMS-CB-1", OffsetDateTime.parse("2026-03-04T12:00:00Z"), OffsetDateTime.parse("2026-03-04T16:00:00Z"));
        Reply moved = post("/callbacks/lincoln/drs?token=" + SECRET, "text/xml",
                confirmation(bookingId, "HMS-CB-1", "2026-03-04T12:00:00", "2026-03-04T16:00:00"), null);
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        dispatcher.dispatch().join();

        assertThat(events(opsReceiver)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "dev.slotbridge.booking.rescheduled")
                    .containsEntry("subject", booked.string("bookingRef"));
            assertThat(((Map<?, ?>) ((Map<?, ?>) event.get("data")).get("slot")).get("start")).isEqualTo("2026-03-04T12:00:00Z");
        });
        assertThat(events(otherReceiver)).singleElement().satisfies(event ->
                assertThat(event).containsEntry("type", "dev.slotbridge.booking.changed"));

        post("/callbacks/lincoln/drs", "text/xml", confirmation(bookingId, "HMS-CB-1", "2026-03-04T12:00:00",
                "2026-03-04T16:00:00"), SECRET);
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("the same callback again tells nothing new").hasSize(1);
    }

    @Test
    void aBookingMadeInsideDrsIsToldAsChangedToSubscribers() {
        drs.plannerBooks("HMS-PLANNER-1", "3670010", OffsetDateTime.parse("2026-03-05T08:00:00Z"),
                OffsetDateTime.parse("2026-03-05T12:00:00Z"));

        Reply told = post("/callbacks/lincoln/drs", "text/xml", confirmation(
                drs.bookingIdOf("HMS-PLANNER-1"), "HMS-PLANNER-1", "2026-03-05T08:00:00", "2026-03-05T12:00:00"), SECRET);
        assertThat(told.status()).isEqualTo(200);
        dispatcher.dispatch().join();

        assertThat(opsReceiver.all()).isEmpty();
        assertThat(events(otherReceiver)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "dev.slotbridge.booking.changed").containsEntry("source", "/councils/lincoln");
            assertThat(((Map<?, ?>) event.get("data")).get("status")).isEqualTo("BOOKED");
        });
    }

    @Test
    void callbacksAreAuthenticatedAndBadOnesAreRefusedWithoutAnEvent() {
        String body = confirmation(1, "HMS-CB-NONE", "2026-03-04T12:00:00", "2026-03-04T16:00:00");

        Reply noSecret = post("/callbacks/lincoln/drs", "text/xml", body, null);
        assertThat(noSecret.status()).isEqualTo(401);
        assertThat(noSecret.text()).contains("Fault").doesNotContain(SECRET);
        assertThat(post("/callbacks/lincoln/drs", "text/xml", body, "wrong-secret-of-any-length").status()).isEqualTo(401);
        assertThat(post("/callbacks/lincoln/drs?token=nope", "text/xml", body, null).status()).isEqualTo(401);

        Reply unknownOrder = post("/callbacks/lincoln/drs", "text/xml", body, SECRET);
        assertThat(unknownOrder.status()).as("acknowledged, never an error loop").isEqualTo(200);

        Reply malformed = post("/callbacks/lincoln/drs", "text/xml", "<soapenv:Envelope", SECRET);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.text()).contains("faultstring");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + body.replace("HMS-CB-NONE", "&x;");
        Reply entity = post("/callbacks/lincoln/drs", "text/xml", xxe, SECRET);
        assertThat(entity.status()).isEqualTo(400);
        assertThat(entity.text()).doesNotContain("root:");
        assertThat(post("/callbacks/lincoln/drs", "text/xml", body.replace("<primaryOrderNumber>HMS-CB-NONE</primaryOrderNumber>", ""),
                SECRET).status()).isEqualTo(400);

        assertThat(post("/callbacks/nowhere/drs", "text/xml", body, SECRET).status()).isEqualTo(404);
        assertThat(post("/callbacks/sandbox/sandbox", "text/xml", body, SECRET).status()).as("no callbacks there").isEqualTo(404);
        assertThat(post("/callbacks/lincoln/connect", "application/json", "{}", SECRET).status()).isEqualTo(404);

        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).isEmpty();
        assertThat(otherReceiver.all()).isEmpty();
        String metrics = api.get(null, "/prometheus").text();
        assertThat(metrics).contains("slotbridge_callbacks_total{council=\"lincoln\",outcome=\"unauthorized\"} 3.0")
                .contains("slotbridge_callbacks_total{council=\"lincoln\",outcome=\"malformed\"} 3.0")
                .contains("slotbridge_callbacks_total{council=\"lincoln\",outcome=\"unknown-order\"} 1.0");
    }

    @Test
    void connectCallbacksTellMovesAndCancelsOfItsVisits() {
        Reply booked = book(LEEDS, "2026-03-03", "HMS-CONNECT-CB-1");
        dispatcher.dispatch().join();
        opsReceiver.reset();
        String visit = connect.visitOf("HMS-CONNECT-CB-1");

        Reply moved = post("/callbacks/leeds/connect", "application/json", """
                {"PrimaryOrderNumber": "HMS-CONNECT-CB-1", "VisitExternalId": "%s", "Event": "ReAppointment",
                 "PlanningWindowStart": "2026-03-04T12:00:00", "PlanningWindowEnd": "2026-03-04T16:00:00"}""".formatted(visit),
                CONNECT_SECRET);
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.text()).isEqualTo("{\"Received\":true}");
        Reply deleted = post("/callbacks/leeds/connect", "application/json", """
                {"PrimaryOrderNumber": "HMS-CONNECT-CB-1", "VisitExternalId": "%s", "Event": "DeletedVisit"}""".formatted(visit),
                CONNECT_SECRET);
        assertThat(deleted.status()).isEqualTo(200);
        dispatcher.dispatch().join();

        assertThat(events(opsReceiver)).extracting(event -> event.get("type")).containsExactlyInAnyOrder(
                "dev.slotbridge.booking.rescheduled", "dev.slotbridge.booking.cancelled");
        assertThat(events(opsReceiver)).allSatisfy(event -> assertThat(event).containsEntry("subject", booked.string("bookingRef")));

        Reply bad = post("/callbacks/leeds/connect", "application/json",
                "{\"PrimaryOrderNumber\": \"HMS-CONNECT-CB-1\", \"VisitExternalId\": \"" + visit + "\", \"Event\": \"Teleported\"}",
                CONNECT_SECRET);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("\"Error\"");
    }
}
