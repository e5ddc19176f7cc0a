package dev.slotbridge.engine.events;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.slotbridge.provider.connect.FakeConnect;
import dev.slotbridge.provider.drs.FakeDrs;
import dev.slotbridge.server.testing.Api.Reply;
import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.AtOnce;
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

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.slotbridge.server.testing.Api.OPS_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes made inside the schedulers, told through their callbacks: DRS's SOAP {@code bookingConfirmation} and
 * Connect's JSON callback, each authenticated by the council's secret, are checked against the scheduler and become
 * events of what it shows for the booking's maker ({@code booking.rescheduled}, {@code booking.cancelled}) and
 * {@code booking.changed} for other subscribers; echoes of Slotbridge's own changes, callbacks the scheduler does not
 * bear out, unknown orders and bad callbacks make none. Configured by
 * {@code operator/callbacks-api.yml}, which gives the callback secrets {@link #SECRET} and {@link #CONNECT_SECRET}.
 */
@MicronautTest(propertySources = "classpath:operator/callbacks-api.yml")
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

    /** The fakes' and receivers' URLs, for the placeholders of {@code operator/callbacks-api.yml}. */
    @Override
    public Map<String, String> getProperties() {
        gateway.start();
        connectServer.start();
        return Map.of("fakes.drs-endpoint", gateway.baseUrl() + FakeDrs.PATH,
                "fakes.connect-base-url", connectServer.baseUrl() + FakeConnect.BASE,
                "receivers.ops", opsReceiver.uri().toString(),
                "receivers.other", otherReceiver.uri().toString());
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
    void aReplayedOrForgedCallbackSendsNothingAndAnEventCarriesTheWindowDrsShows() {
        Reply booked = book(LINCOLN, "2026-03-06", "HMS-CB-2");
        int bookingId = drs.bookingIdOf("HMS-CB-2");
        String bookedStart = booked.map("slot").get("start").toString().substring(0, 19);
        String bookedEnd = booked.map("slot").get("end").toString().substring(0, 19);
        drs.plannerMoves("HMS-CB-2", OffsetDateTime.parse("2026-03-09T12:00:00Z"), OffsetDateTime.parse("2026-03-09T16:00:00Z"));
        post("/callbacks/lincoln/drs", "text/xml", confirmation(bookingId, "HMS-CB-2", "2026-03-09T12:00:00",
                "2026-03-09T16:00:00"), SECRET);
        dispatcher.dispatch().join();
        opsReceiver.reset();
        otherReceiver.reset();

        Reply replayed = post("/callbacks/lincoln/drs", "text/xml", confirmation(bookingId, "HMS-CB-2", bookedStart,
                bookedEnd), SECRET);
        Reply forged = post("/callbacks/lincoln/drs", "text/xml", confirmation(bookingId, "HMS-CB-2", "2026-03-10T08:00:00",
                "2026-03-10T12:00:00"), SECRET);
        assertThat(List.of(replayed.status(), forged.status())).as("acknowledged, never an error loop").containsOnly(200);
        dispatcher.dispatch().join();
        assertThat(opsReceiver.all()).as("DRS shows the window clients were told: nothing to tell").isEmpty();
        assertThat(otherReceiver.all()).isEmpty();
        assertThat(api.get(null, "/prometheus").text())
                .contains("slotbridge_callbacks_total{council=\"lincoln\",outcome=\"unconfirmed\"} 2.0");

        drs.plannerMoves("HMS-CB-2", OffsetDateTime.parse("2026-03-11T08:00:00Z"), OffsetDateTime.parse("2026-03-11T12:00:00Z"));
        post("/callbacks/lincoln/drs", "text/xml", confirmation(bookingId, "HMS-CB-2", "2026-03-12T12:00:00",
                "2026-03-12T16:00:00"), SECRET);
        dispatcher.dispatch().join();
        assertThat(events(opsReceiver)).singleElement().satisfies(event -> {
            assertThat(event).containsEntry("type", "dev.slotbridge.booking.rescheduled");
            assertThat(((Map<?, ?>) event.get("data")).get("slot")).as("the window DRS shows, not the callback's")
                    .isEqualTo(api.get(OPS_KEY, LINCOLN + "/bookings/" + booked.string("bookingRef")).map("slot"));
            assertThat(((Map<?, ?>) ((Map<?, ?>) event.get("data")).get("slot")).get("start")).isEqualTo("2026-03-11T08:00:00Z");
        });
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
        Map<String, Double> before = callbacksCounted("lincoln");
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
        assertThat(callbacksCounted("lincoln")).containsEntry("unauthorized", before.get("unauthorized") + 3)
                .containsEntry("malformed", before.get("malformed") + 3)
                .containsEntry("unknown-order", before.get("unknown-order") + 1);
    }

    /** The council's callbacks by outcome, as {@code /prometheus} counts them. */
    private Map<String, Double> callbacksCounted(String council) {
        String metrics = api.get(null, "/prometheus").text();
        Map<String, Double> counted = new HashMap<>();
        for (String outcome : List.of("unauthorized", "malformed", "unknown-order")) {
            Matcher line = Pattern.compile("slotbridge_callbacks_total\\{council=\""
                    + council + "\",outcome=\"" + outcome + "\"} (\\S+)").matcher(metrics);
            counted.put(outcome, line.find() ? Double.parseDouble(line.group(1)) : 0.0);
        }
        return counted;
    }

    @Test
    void aConnectCallbackGoesThroughTheStrictJsonReaderAndTheTextChecksOfV1() {
        Reply twice = post("/callbacks/leeds/connect", "application/json", """
                {"PrimaryOrderNumber": "HMS-TWICE", "VisitExternalId": "V-1", "Event": "DeletedVisit",
                 "Event": "DeletedVisit"}""", CONNECT_SECRET);
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text()).contains("\"Error\"", "twice");

        Reply unstorable = post("/callbacks/leeds/connect", "application/json", """
                {"PrimaryOrderNumber": "HMS\\u0007X", "VisitExternalId": "V\\u202E1", "Event": "DeletedVisit"}""",
                CONNECT_SECRET);
        assertThat(unstorable.status()).isEqualTo(400);
        assertThat(unstorable.text()).contains("orderNumber must not contain control characters")
                .contains("identity.visit must not contain bidirectional override characters");
    }

    @Test
    void twoAuthorizationHeadersAreRefusedNotFirstWins() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("drs:" + SECRET).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> twice = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        api.uri("/callbacks/lincoln/drs")).header("Content-Type", "text/xml")
                .header("Authorization", basic).header("Authorization", "Basic d3Jvbmc6d3Jvbmc=")
                .POST(HttpRequest.BodyPublishers.ofString(confirmation(1, "HMS-CB-TWICE", "2026-03-04T12:00:00",
                        "2026-03-04T16:00:00"))).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(twice.body()).contains("faultstring", "Authorization");
    }

    @Test
    void aDrsCallbackWhoseWindowIsOutsideTheYears2000To2099IsRefused() {
        Reply farPast = post("/callbacks/lincoln/drs", "text/xml", confirmation(1, "HMS-CB-OLD",
                "-999999999-01-01T00:00:00+18:00", "2026-03-04T16:00:00"), SECRET);
        Reply lastCentury = post("/callbacks/lincoln/drs", "text/xml", confirmation(1, "HMS-CB-OLD",
                "1999-12-31T08:00:00", "1999-12-31T12:00:00"), SECRET);

        assertThat(farPast.status()).as(farPast.text()).isEqualTo(400);
        assertThat(lastCentury.status()).isEqualTo(400);
        assertThat(lastCentury.text()).contains("window.start must be a date from 2000-01-01 to 2099-12-31");
    }

    @Test
    void connectCallbacksTellMovesAndCancelsOfItsVisitsEachOnceToEverySubscriber() throws Exception {
        Reply booked = book(LEEDS, "2026-03-03", "HMS-CONNECT-CB-1");
        dispatcher.dispatch().join();
        String created = (String) events(opsReceiver).getFirst().get("id");
        opsReceiver.reset();
        String visit = connect.visitOf("HMS-CONNECT-CB-1");

        connect.plannerMoves("HMS-CONNECT-CB-1", LocalDate.parse("2026-03-04"), 2);
        Reply moved = post("/callbacks/leeds/connect", "application/json", """
                {"PrimaryOrderNumber": "HMS-CONNECT-CB-1", "VisitExternalId": "%s", "Event": "ReAppointment",
                 "PlanningWindowStart": "2026-03-04T13:00:00", "PlanningWindowEnd": "2026-03-04T16:59:00"}""".formatted(visit),
                CONNECT_SECRET);
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(moved.text()).isEqualTo("{\"Received\":true}");
        connect.plannerDeletes("HMS-CONNECT-CB-1");
        String deletedVisit = """
                {"PrimaryOrderNumber": "HMS-CONNECT-CB-1", "VisitExternalId": "%s", "Event": "DeletedVisit"}""".formatted(visit);
        List<Reply> deleted = AtOnce.results(3, i -> post("/callbacks/leeds/connect", "application/json", deletedVisit,
                CONNECT_SECRET));
        assertThat(deleted).extracting(Reply::status).as("the same callback delivered three times at once").containsOnly(200);
        dispatcher.dispatch().join();
        dispatcher.dispatch().join();

        assertThat(events(opsReceiver)).extracting(event -> event.get("type")).containsExactlyInAnyOrder(
                "dev.slotbridge.booking.rescheduled", "dev.slotbridge.booking.cancelled");
        assertThat(events(opsReceiver)).allSatisfy(event -> assertThat(event).containsEntry("subject", booked.string("bookingRef")));
        List<Object> ids = new java.util.ArrayList<>(List.of(created));
        events(opsReceiver).forEach(event -> ids.add(event.get("id")));
        assertThat(ids).as("created, moved and cancelled: three changes, three ids").doesNotHaveDuplicates();
        assertThat(events(otherReceiver)).as("the other subscriber hears of all three, the cancel too, once each")
                .allSatisfy(event -> assertThat(event).containsEntry("type", "dev.slotbridge.booking.changed")
                        .containsEntry("subject", booked.string("bookingRef")))
                .extracting(event -> event.get("id")).containsExactlyInAnyOrderElementsOf(ids);

        Reply bad = post("/callbacks/leeds/connect", "application/json",
                "{\"PrimaryOrderNumber\": \"HMS-CONNECT-CB-1\", \"VisitExternalId\": \"" + visit + "\", \"Event\": \"Teleported\"}",
                CONNECT_SECRET);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.text()).contains("\"Error\"");
    }
}
