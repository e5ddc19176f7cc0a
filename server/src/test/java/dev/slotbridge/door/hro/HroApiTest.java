package dev.slotbridge.door.hro;

import dev.slotbridge.server.testing.Api;
import dev.slotbridge.server.testing.HroClient.Answer;
import dev.slotbridge.server.testing.HroClient;
import dev.slotbridge.server.testing.Requests;
import dev.slotbridge.tck.TestClock;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HRO client's own requests, replayed exactly, against the sandbox council. Configured by
 * {@code operator/hro-api.yml}: front ends "portal" ({@link #IDENTIFIER}, {@code manage-all}) and "fortnight"
 * ({@link #FORTNIGHT}).
 */
@MicronautTest(propertySources = "classpath:operator/hro-api.yml")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HroApiTest implements TestPropertyProvider {
    static final String IDENTIFIER = "hro-portal-identifier";
    static final String PREFIX = "/api/v1/repairsonline";
    static final String FORTNIGHT = "hro-fortnight-identifier";
    private static final String SLOTS = "[{\"startTime\":\"08:00:00\",\"endTime\":\"12:00:00\"},{\"startTime\":\"12:00:00\",\"endTime\":\"16:00:00\"}]";

    @Inject
    EmbeddedServer server;
    @Inject
    JsonMapper json;
    @Inject
    TestClock clock;
    HroClient hro;
    Api api;

    /** The council, for the placeholders of {@code operator/hro-api.yml}. */
    @Override
    public Map<String, String> getProperties() {
        return Map.of("hro.council", council());
    }

    /** The council the front end books into. */
    String council() {
        return "sandbox";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void connect() {
        hro = new HroClient(server.getURI(), "", IDENTIFIER, json);
        api = new Api(server.getURI(), json);
    }

    @Test
    void authenticationGivesAShortLivedTokenToAKnownFrontEndOnly() {
        Answer token = hro.authenticate();
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.contentType()).startsWith("text/plain");
        assertThat(token.text().split("\\.")).hasSize(3);

        assertThat(new HroClient(server.getURI(), "", "someone-else", json).authenticate().status()).isEqualTo(401);
        assertThat(hro.send("GET", "/Appointments/AvailableAppointments?sorCode=N373049&locationId=3670010", null,
                null).status()).isEqualTo(401);
        clock.advance(Duration.ofSeconds(61));
        assertThat(hro.send("GET", "/Appointments/AvailableAppointments?sorCode=N373049&locationId=3670010", null,
                token.text()).status()).as("expired").isEqualTo(401);
        Answer refused = hro.send("POST", "/Appointments/CancelAppointment?bookingReference=X", null, "not.a.token");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aSearchWithoutPriorityOrFromDateOffersTheAllowedSlotsOfTheFirstFiveDays() {
        Answer answer = hro.availableAppointments("sorCode=N373049&locationId=3670010&fromDate=", SLOTS);

        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        List<Map<String, Object>> appointments = hro.appointments(answer);
        assertThat(appointments).isNotEmpty();
        assertThat(appointments.stream().map(appointment -> appointment.get("date")).distinct()).hasSizeLessThanOrEqualTo(5);
        Map<String, Object> first = appointments.getFirst();
        assertThat(first).containsEntry("reference", null).containsKey("date");
        @SuppressWarnings("unchecked")
        Map<String, Object> timeOfDay = (Map<String, Object>) first.get("timeOfDay");
        assertThat(timeOfDay).containsEntry("name", null).containsEntry("latestCompletionTime", "0001-01-01T00:00:00");
        assertThat((String) timeOfDay.get("earliestArrivalTime")).matches("2026-03-0[2-9]T\\d\\d:00:00Z")
                .as("lead time: tomorrow at the earliest").isGreaterThanOrEqualTo("2026-03-02");
    }

    @Test
    void onlyTheAllowedSlotsAreOfferedAndNoBodyMeansAll() {
        String query = "sorCode=N373049&priority=Priority 20 Days&locationId=3670010&fromDate=3/2/2026 12:00:00 AM";
        List<Map<String, Object>> mornings = hro.appointments(hro.availableAppointments(query,
                "[{\"startTime\":\"08:00:00\",\"endTime\":\"12:00:00\"}]"));
        List<Map<String, Object>> all = hro.appointments(hro.availableAppointments(query, null));
        List<Map<String, Object>> nullBody = hro.appointments(hro.availableAppointments(query, "null"));

        assertThat(mornings).isNotEmpty().allSatisfy(appointment ->
                assertThat(appointment.get("timeOfDay").toString()).contains("T08:00:00Z", "T12:00:00Z"));
        assertThat(all.size()).isGreaterThan(mornings.size());
        assertThat(nullBody).isEqualTo(all);
    }

    @Test
    void aBookingRepeatedWithItsAnswerIgnoredBooksOnceAndShowsThroughV1() {
        String start = firstMorning("2026-03-03");
        String query = "bookingReference=HRO-1001&sorCode=N373049&priority=Priority 20 Days&locationId=3670010"
                + "&startDateTime=" + start + "&endDateTime=" + start.replace("8:00:00 AM", "12:00:00 PM");

        Answer booked = hro.bookAppointment(query, "{\"Text\":\"Kitchen Tap leaking under the sink\"}");
        Answer repeated = hro.bookAppointment(query, "{\"Text\":\"Kitchen Tap leaking under the sink\"}");

        assertThat(booked.status()).as(booked.text()).isEqualTo(200);
        assertThat(booked.text()).isEqualTo("HRO-1001");
        assertThat(repeated.status()).as(repeated.text()).isEqualTo(200);
        assertThat(repeated.text()).isEqualTo("HRO-1001");
        List<Map<String, Object>> seen = bookingsFor("HRO-1001");
        assertThat(seen).singleElement().satisfies(booking -> {
            assertThat(booking).containsEntry("status", "BOOKED");
            assertThat(booking.get("slot").toString()).contains("2026-03-03T08:00:00Z");
            assertThat(booking.get("job").toString()).contains("Kitchen Tap leaking under the sink");
        });
    }

    @Test
    void theThreeDateDialectsAreReadAndAnythingElseIsRefusedNamingTheParameter() {
        String base = "sorCode=N373049&locationId=3670010&priority=Priority 20 Days";
        assertThat(hro.bookAppointment("bookingReference=HRO-2001&" + base
                + "&startDateTime=03/04/2026 08:00:00&endDateTime=03/04/2026 12:00:00", null).status()).isEqualTo(200);
        assertThat(hro.bookAppointment("bookingReference=HRO-2002&" + base
                + "&startDateTime=2026-03-05T12:00:00Z&endDateTime=2026-03-05T16:00:00+00:00", null).status()).isEqualTo(200);
        assertThat(hro.bookAppointment("bookingReference=HRO-2003&" + base
                + "&startDateTime=3/6/2026 12:00:00\u202FPM&endDateTime=3/6/2026 4:00:00\u202FPM", null).status()).isEqualTo(200);

        Answer refused = hro.bookAppointment("bookingReference=HRO-2004&" + base
                + "&startDateTime=the 6th at 8&endDateTime=3/6/2026 12:00:00 PM", null);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("\"field\":\"startDateTime\"");
        assertThat(bookingsFor("HRO-2004")).isEmpty();
    }

    @Test
    void cancelAndRescheduleFindTheBookingByReferenceAlsoWhenItWasMadeThroughV1() {
        String slotId = (String) api.post(Api.OPS_KEY, "/v1/councils/" + council() + "/appointment-search",
                Requests.search("2026-03-09", "2026-03-09")).list("slots").getFirst().get("slotId");
        assertThat(api.post(Api.OPS_KEY, "/v1/councils/" + council() + "/bookings",
                Requests.book(slotId, "HRO-3001")).status()).isEqualTo(201);
        String later = "3/10/2026 12:00:00 PM";

        Answer moved = hro.updateAppointmentSlot("bookingReference=HRO-3001&startDateTime=" + later
                + "&endDateTime=3/10/2026 4:00:00 PM");
        assertThat(moved.status()).as(moved.text()).isEqualTo(200);
        assertThat(bookingsFor("HRO-3001").getFirst().get("slot").toString()).contains("2026-03-10T12:00:00Z");

        assertThat(hro.cancelAppointment("HRO-3001").status()).isEqualTo(200);
        assertThat(bookingsFor("HRO-3001")).as("cancelled (DRS drops a cancelled order from its lists)")
                .noneMatch(booking -> "BOOKED".equals(booking.get("status")));
        assertThat(hro.cancelAppointment("HRO-3001").status()).as("again").isEqualTo(200);
        assertThat(hro.cancelAppointment("HRO-NEVER").status()).isEqualTo(404);
    }

    @Test
    void aFrontEndWithoutManageAllCancelsAndMovesOnlyTheBookingsMadeThroughIt() {
        HroClient fortnight = new HroClient(server.getURI(), "", FORTNIGHT, json);
        List<Map<String, Object>> slots = api.post(Api.OPS_KEY, "/v1/councils/" + council() + "/appointment-search",
                Requests.search("2026-03-12", "2026-03-13")).list("slots");
        assertThat(api.post(Api.OPS_KEY, "/v1/councils/" + council() + "/bookings",
                Requests.book((String) slots.getFirst().get("slotId"), "HRO-4001")).status()).isEqualTo(201);
        String elsewhere = "&startDateTime=" + slots.getLast().get("start") + "&endDateTime=" + slots.getLast().get("end");

        assertThat(fortnight.cancelAppointment("HRO-4001").status()).as("another client's booking").isEqualTo(404);
        assertThat(fortnight.updateAppointmentSlot("bookingReference=HRO-4001" + elsewhere).status()).isEqualTo(404);
        assertThat(bookingsFor("HRO-4001")).singleElement().satisfies(booking -> {
            assertThat(booking).containsEntry("status", "BOOKED");
            assertThat(booking.get("slot").toString()).contains(slots.getFirst().get("start").toString());
        });

        Answer own = fortnight.bookAppointment("bookingReference=HRO-4002&sorCode=N373049&priority=Priority 20 Days"
                + "&locationId=3670010" + elsewhere, null);
        assertThat(own.status()).as(own.text()).isEqualTo(200);
        assertThat(fortnight.cancelAppointment("HRO-4002").status()).as("its own").isEqualTo(200);
        assertThat(bookingsFor("HRO-4002")).noneMatch(booking -> "BOOKED".equals(booking.get("status")));
    }

    @Test
    void acrossTheClockChangeAnAllowedEightOClockSlotIsEightOClockInTheUkOnBothSides() {
        HroClient fortnight = new HroClient(server.getURI(), "", FORTNIGHT, json);

        List<Map<String, Object>> mornings = fortnight.appointments(fortnight.availableAppointments(
                "sorCode=N373049&locationId=3670010&fromDate=3/23/2026 12:00:00 AM",
                "[{\"startTime\":\"08:00:00\",\"endTime\":\"12:00:00\"}]"));

        List<String> starts = mornings.stream().map(appointment -> (String) ((Map<?, ?>) appointment.get("timeOfDay"))
                .get("earliestArrivalTime")).toList();
        assertThat(starts).isNotEmpty().allSatisfy(start -> assertThat(start)
                .matches(start.compareTo("2026-03-29") < 0 ? ".*T08:00:00Z" : ".*T07:00:00Z"));
        assertThat(starts).anyMatch(start -> start.compareTo("2026-03-29") < 0)
                .anyMatch(start -> start.compareTo("2026-03-29") > 0);
    }

    @Test
    void theRoutesAreServedUnderThePathPrefixToo() {
        HroClient prefixed = new HroClient(server.getURI(), PREFIX, IDENTIFIER, json);

        assertThat(prefixed.availableAppointments("sorCode=N373049&locationId=3670010", null).status()).isEqualTo(200);
    }

    /** The en-US start of the first 08:00–12:00 slot offered on the day. */
    String firstMorning(String day) {
        String[] parts = day.split("-");
        return Integer.parseInt(parts[1]) + "/" + Integer.parseInt(parts[2]) + "/" + parts[0] + " 8:00:00 AM";
    }

    /** The bookings with this externalRef at the property, as /v1 shows them to a manage-all client. */
    List<Map<String, Object>> bookingsFor(String externalRef) {
        return api.get(Api.OPS_KEY, "/v1/councils/" + council() + "/bookings?propertyRef=" + Requests.PROPERTY)
                .list("bookings").stream().filter(booking -> booking.get("job").toString().contains("externalRef=" + externalRef))
                .toList();
    }
}
