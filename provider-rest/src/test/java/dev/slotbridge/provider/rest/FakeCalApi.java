package dev.slotbridge.provider.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.tck.StoredBooking;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A scheduling API shaped as Cal.com's API v2 publishes it (cal.com/docs/api-reference/v2): {@code GET /v2/slots}
 * answers free start times grouped under date keys, with no end ({@code cal-api-version: 2024-09-04});
 * {@code POST /v2/bookings}, {@code GET /v2/bookings/{uid}}, {@code GET /v2/bookings?take=&skip=} (paginated, with
 * {@code pagination.hasNextPage}), {@code POST /v2/bookings/{uid}/reschedule} (which answers a <b>new</b> booking with
 * a new uid, the old one becoming cancelled with {@code rescheduledToUid}) and {@code POST /v2/bookings/{uid}/cancel}
 * ({@code cal-api-version: 2024-08-13}). Every request needs {@code Authorization: Bearer} {@link #KEY} (else 401).
 *
 * <p>For councils that authenticate with OAuth2 client credentials, {@code POST /oauth/token} issues tokens to
 * {@link #CLIENT_ID} / {@link #CLIENT_SECRET} (HTTP Basic client authentication); the API accepts an issued token
 * until {@link #revokeTokens()}. A booking for an attendee e-mail at {@code blocked.example} is refused with 400, as
 * Cal.com refuses blocked e-mail addresses, while the slot stays free. {@link #loseNextBookingAnswer()} makes the next
 * booking, once made, answer with a reset connection.
 *
 * <p>One event type, {@link #EVENT_TYPE}, of 60 minutes: 09:00, 11:00 and 14:00 London on weekdays; a start is free
 * while no accepted booking holds it. A booking at a taken start is 400, as Cal.com refuses it. Stubs only pass
 * requests with the version header and the fields the API requires, so a request that drifts gets WireMock's 404.
 */
public final class FakeCalApi implements ResponseDefinitionTransformerV2 {
    public static final String KEY = "cal_live_test_key_0123456789";
    public static final int EVENT_TYPE = 1001;
    public static final String SLOTS_VERSION = "2024-09-04";
    public static final String BOOKINGS_VERSION = "2024-08-13";
    public static final String CLIENT_ID = "slotbridge-caldwell";
    public static final String CLIENT_SECRET = "client-secret-0123456789";
    private static final String NAME = "fake-cal";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final List<LocalTime> STARTS = List.of(LocalTime.of(9, 0), LocalTime.of(11, 0), LocalTime.of(14, 0));
    private static final Duration LENGTH = Duration.ofMinutes(60);
    private static final DateTimeFormatter MILLIS_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private static final DateTimeFormatter MILLIS_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx")
            .withZone(LONDON);

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, ObjectNode> bookings = new ConcurrentSkipListMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final AtomicInteger pagesServed = new AtomicInteger();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final java.util.Set<String> activeTokens = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private volatile boolean refuseNewTokens;
    private volatile boolean loseNextBookingAnswer;

    public static WireMockServer server(FakeCalApi api) {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(api));
        server.stubFor(post(urlPathEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withRequestBody(matching("grant_type=client_credentials(&scope=[^&]+)?"))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(get(urlPathEqualTo("/v2/slots"))
                .withHeader("cal-api-version", equalTo(SLOTS_VERSION))
                .withQueryParam("eventTypeId", equalTo(String.valueOf(EVENT_TYPE)))
                .withQueryParam("start", matching("\\d{4}-\\d{2}-\\d{2}"))
                .withQueryParam("end", matching("\\d{4}-\\d{2}-\\d{2}"))
                .withQueryParam("timeZone", equalTo("Europe/London"))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(post(urlPathEqualTo("/v2/bookings"))
                .withHeader("cal-api-version", equalTo(BOOKINGS_VERSION))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.start", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")))
                .withRequestBody(matchingJsonPath("$.eventTypeId", equalTo(String.valueOf(EVENT_TYPE))))
                .withRequestBody(matchingJsonPath("$.attendee.name"))
                .withRequestBody(matchingJsonPath("$.attendee.email"))
                .withRequestBody(matchingJsonPath("$.attendee.timeZone", equalTo("Europe/London")))
                .withRequestBody(matchingJsonPath("$.metadata.externalRef"))
                .withRequestBody(matchingJsonPath("$.metadata.propertyRef"))
                .withRequestBody(matchingJsonPath("$.metadata.jobCode"))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(get(urlPathMatching("/v2/bookings(/[A-Za-z0-9-]+)?"))
                .withHeader("cal-api-version", equalTo(BOOKINGS_VERSION))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(post(urlPathMatching("/v2/bookings/[A-Za-z0-9-]+/reschedule"))
                .withHeader("cal-api-version", equalTo(BOOKINGS_VERSION))
                .withRequestBody(matchingJsonPath("$.start", matching("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z")))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(post(urlPathMatching("/v2/bookings/[A-Za-z0-9-]+/cancel"))
                .withHeader("cal-api-version", equalTo(BOOKINGS_VERSION))
                .withRequestBody(matchingJsonPath("$.cancellationReason"))
                .willReturn(aResponse().withTransformers(NAME)));
        return server;
    }

    public void reset() {
        bookings.clear();
        pagesServed.set(0);
        tokenRequests.set(0);
        activeTokens.clear();
        refuseNewTokens = false;
        loseNextBookingAnswer = false;
    }

    /** How many pages of the bookings list were served since the last reset. */
    public int pagesServed() {
        return pagesServed.get();
    }

    /** How many tokens were asked for since the last reset. */
    public int tokenRequests() {
        return tokenRequests.get();
    }

    /** Every token issued so far is refused from now on (401), as after a key rotation. */
    public void revokeTokens() {
        activeTokens.clear();
    }

    /** Tokens issued from now on are refused by the API (401), as when the client lost its access. */
    public void refuseNewTokens() {
        refuseNewTokens = true;
    }

    /** The next booking is made, but its answer is lost: the connection is reset instead. */
    public void loseNextBookingAnswer() {
        loseNextBookingAnswer = true;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
        Request request = event.getRequest();
        if (request.getUrl().startsWith("/oauth/token")) {
            return token(request.getHeader("Authorization"));
        }
        String authorization = request.getHeader("Authorization");
        if (!("Bearer " + KEY).equals(authorization) && !(authorization != null && authorization.startsWith("Bearer ")
                && activeTokens.contains(authorization.substring("Bearer ".length())))) {
            return error(401, "UnauthorizedException", "Invalid API Key");
        }
        String path = request.getUrl().split("\\?")[0];
        String[] parts = path.split("/");
        if (path.equals("/v2/slots")) {
            return slots(LocalDate.parse(request.queryParameter("start").firstValue()),
                    LocalDate.parse(request.queryParameter("end").firstValue()));
        }
        if (path.equals("/v2/bookings")) {
            return request.getMethod().getName().equals("POST") ? create(read(request.getBodyAsString()))
                    : page(Integer.parseInt(request.queryParameter("take").firstValue()),
                    Integer.parseInt(request.queryParameter("skip").firstValue()));
        }
        ObjectNode booking = byUid(parts[3]);
        if (booking == null) {
            return error(404, "NotFoundException", "Booking with uid=" + parts[3] + " was not found in the database");
        }
        if (parts.length == 4) {
            return ok(200, booking);
        }
        return parts[4].equals("cancel") ? cancel(booking, read(request.getBodyAsString()))
                : reschedule(booking, read(request.getBodyAsString()));
    }

    private ResponseDefinition token(String authorization) {
        tokenRequests.incrementAndGet();
        String expected = "Basic " + java.util.Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!expected.equals(authorization)) {
            return answer(401, json.createObjectNode().put("error", "invalid_client"));
        }
        String token = "tok-" + java.util.UUID.randomUUID();
        if (!refuseNewTokens) {
            activeTokens.add(token);
        }
        return answer(200, json.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", 3600));
    }

    private ResponseDefinition slots(LocalDate from, LocalDate to) {
        ObjectNode data = json.createObjectNode();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            ArrayNode free = json.createArrayNode();
            for (LocalTime time : STARTS) {
                Instant start = day.atTime(time).atZone(LONDON).toInstant();
                if (!taken(start)) {
                    free.addObject().put("start", MILLIS_OFFSET.format(start));
                }
            }
            if (!free.isEmpty()) {
                data.set(day.toString(), free);
            }
        }
        ObjectNode answer = json.createObjectNode().put("status", "success");
        answer.set("data", data);
        return answer(200, answer);
    }

    private synchronized ResponseDefinition create(JsonNode request) {
        Instant start = Instant.parse(request.path("start").asText());
        if (!offered(start) || taken(start)) {
            return error(400, "BadRequestException", "User either already has booking at this time or is not available");
        }
        if (request.path("attendee").path("email").asText().endsWith("@blocked.example")) {
            return error(400, "BadRequestException", "Cannot use this email to create the booking.");
        }
        ObjectNode booking = booking(start, request.path("attendee"), request.path("metadata"));
        booking.put("description", request.path("bookingFieldsResponses").path("notes").asText(null));
        if (loseNextBookingAnswer) {
            loseNextBookingAnswer = false;
            return responseDefinition().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
        }
        return ok(201, booking);
    }

    private synchronized ResponseDefinition reschedule(ObjectNode old, JsonNode request) {
        Instant start = Instant.parse(request.path("start").asText());
        if ("cancelled".equals(old.path("status").asText())) {
            return error(400, "BadRequestException", "Can't reschedule a cancelled booking");
        }
        if (!offered(start) || taken(start)) {
            return error(400, "BadRequestException", "User either already has booking at this time or is not available");
        }
        ObjectNode moved = booking(start, old.path("attendees").path(0), old.path("metadata"));
        moved.put("description", old.path("description").asText(null));
        moved.put("rescheduledFromUid", old.path("uid").asText());
        old.put("status", "cancelled").put("rescheduled", true).put("rescheduledToUid", moved.path("uid").asText());
        return ok(201, moved);
    }

    private synchronized ResponseDefinition cancel(ObjectNode booking, JsonNode request) {
        if ("cancelled".equals(booking.path("status").asText())) {
            return error(400, "BadRequestException", "This booking has already been cancelled.");
        }
        booking.put("status", "cancelled").put("cancellationReason", request.path("cancellationReason").asText());
        return ok(200, booking);
    }

    private ResponseDefinition page(int take, int skip) {
        pagesServed.incrementAndGet();
        List<ObjectNode> all = new ArrayList<>(bookings.values());
        ObjectNode answer = json.createObjectNode().put("status", "success");
        ArrayNode data = answer.putArray("data");
        all.stream().skip(skip).limit(take).forEach(data::add);
        int totalPages = (all.size() + take - 1) / take;
        answer.putObject("pagination").put("totalItems", all.size()).put("remainingItems", Math.max(0, all.size() - skip - data.size()))
                .put("returnedItems", data.size()).put("itemsPerPage", take).put("currentPage", skip / take + 1)
                .put("totalPages", totalPages).put("hasNextPage", skip + data.size() < all.size())
                .put("hasPreviousPage", skip > 0);
        return answer(200, answer);
    }

    private ObjectNode booking(Instant start, JsonNode attendee, JsonNode metadata) {
        int id = sequence.incrementAndGet();
        ObjectNode booking = json.createObjectNode().put("id", id).put("uid", "bk-" + id)
                .put("title", "Repair between Council and " + attendee.path("name").asText())
                .put("status", "accepted").put("start", MILLIS_UTC.format(start))
                .put("end", MILLIS_UTC.format(start.plus(LENGTH))).put("duration", LENGTH.toMinutes())
                .put("eventTypeId", EVENT_TYPE);
        booking.putArray("attendees").add(attendee.deepCopy());
        booking.set("metadata", metadata.deepCopy());
        bookings.put(id, booking);
        return booking;
    }

    /**
     * The booking with this uid as the API keeps it, in the booking's uniform fields: the attendee, the notes (as
     * {@code description}) and the metadata. Cal.com has no field for a priority or for access notes.
     */
    synchronized Optional<StoredBooking> record(String uid) {
        ObjectNode booking = byUid(uid);
        if (booking == null) {
            return Optional.empty();
        }
        JsonNode metadata = booking.path("metadata");
        JsonNode attendee = booking.path("attendees").path(0);
        return Optional.of(new StoredBooking(new Job(metadata.path("propertyRef").asText(),
                List.of(new JobCode(metadata.path("jobCode").asText(), 1)), null, metadata.path("externalRef").asText(null),
                booking.path("description").asText(null)),
                new Contact(attendee.path("name").asText(null), attendee.path("phoneNumber").asText(null),
                        attendee.path("email").asText(null)), null));
    }

    private ObjectNode byUid(String uid) {
        return bookings.values().stream().filter(booking -> booking.path("uid").asText().equals(uid)).findFirst().orElse(null);
    }

    private boolean offered(Instant start) {
        var local = start.atZone(LONDON);
        return local.getDayOfWeek() != DayOfWeek.SATURDAY && local.getDayOfWeek() != DayOfWeek.SUNDAY
                && STARTS.contains(local.toLocalTime());
    }

    private boolean taken(Instant start) {
        return bookings.values().stream().anyMatch(booking -> "accepted".equals(booking.path("status").asText())
                && Instant.parse(booking.path("start").asText()).equals(start));
    }

    private ResponseDefinition ok(int status, JsonNode booking) {
        ObjectNode answer = json.createObjectNode().put("status", "success");
        answer.set("data", booking);
        return answer(status, answer);
    }

    private ResponseDefinition error(int status, String code, String message) {
        ObjectNode answer = json.createObjectNode().put("status", "error");
        answer.putObject("error").put("code", code).put("message", message);
        return answer(status, answer);
    }

    private ResponseDefinition answer(int status, JsonNode body) {
        try {
            return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                    .withBody(json.writeValueAsString(body)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
