package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.tck.StoredBooking;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Connect for tests, behind {@code /WS-API}: issues tokens for its one user (refusing any other credentials with
 * 400 {@code invalid_grant}, as OAuth2 password grants do) and can revoke them, keeps sales orders and visits,
 * offers planning windows AM (08:00–12:59) and PM (13:00–16:59) on weekdays, each bookable once, and summarises
 * bookings. Its stubs only pass requests with the spec's headers, query parameters and JSON field names.
 */
public final class FakeConnect implements ResponseDefinitionTransformerV2 {
    public static final String BASE = "/WS-API";
    public static final String USER = "slotbridge@clouddialogs.com";
    public static final String PASSWORD = "p@ss word&1";
    public static final String CONTRACT = "CONTRACT-1";
    public static final String ORGANISATION = "ORG-1";
    private static final String NAME = "fake-connect";
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";
    /** The OrderContact object's fields in the spec's table (API version 3). */
    private static final Set<String> ORDER_CONTACT_FIELDS = Set.of("ContactName", "HomePhone", "WorkPhone", "MobilePhone",
            "EmailAddress", "MessagingPreference", "ContactPreference");

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, ObjectNode> orders = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> visits = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<String, LostAnswer> lostAnswers = new ConcurrentHashMap<>();
    private volatile boolean forgetCancelledVisits;
    private final AtomicInteger summariesHidingNewVisits = new AtomicInteger();

    /** How the answer to a call that was carried out is lost. */
    public enum LostAnswer {
        /** The answer comes, but only after two seconds: past the client's time limit in the tests. */
        LATE,
        /** The connection is dropped instead of answering. */
        DROPPED
    }

    public static WireMockServer server(FakeConnect connect) {
        return server(connect, options().dynamicPort());
    }

    /** The fake on a WireMock server with these options (e.g. more threads for load). */
    public static WireMockServer server(FakeConnect connect, WireMockConfiguration options) {
        WireMockServer server = new WireMockServer(options.extensions(connect));
        var api = aResponse().withTransformers(NAME);
        server.stubFor(post(urlPathEqualTo(BASE + "/token"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("password"))
                .withFormParam("username", matching(".+"))
                .withFormParam("password", matching(".+"))
                .willReturn(api));
        server.stubFor(get(urlPathEqualTo(BASE + "/api/PlanningWindow")).withHeader("Accept", equalTo("application/json;version=3"))
                .willReturn(api));
        server.stubFor(get(urlPathEqualTo(BASE + "/api/SalesOrder")).withHeader("Accept", equalTo("application/json;version=3"))
                .withQueryParam("PrimaryOrderNumber", matching(".+")).withQueryParam("ContractExternalId", equalTo(CONTRACT))
                .willReturn(api));
        server.stubFor(post(urlPathEqualTo(BASE + "/api/SalesOrder")).withHeader("Accept", equalTo("application/json;version=3"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(matchingJsonPath("$.PrimaryOrderNumber"))
                .withRequestBody(matchingJsonPath("$.UseExistingCustomerDetails", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.Customer.ExternalId"))
                .withRequestBody(matchingJsonPath("$.Customer.OrganisationExternalId", equalTo(ORGANISATION)))
                .withRequestBody(matchingJsonPath("$.ContractExternalId", equalTo(CONTRACT)))
                .withRequestBody(matchingJsonPath("$.TargetDateUTC", matching(DATE)))
                .withRequestBody(matchingJsonPath("$.PriorityExternalId"))
                .withRequestBody(matchingJsonPath("$.JobDescription"))
                .withRequestBody(matchingJsonPath("$.JobCodes[0].CodeExternalId"))
                .withRequestBody(matchingJsonPath("$.JobCodes[0].Quantity"))
                .willReturn(api));
        server.stubFor(patch(urlPathEqualTo(BASE + "/api/SalesOrder")).withHeader("Accept", equalTo("application/json;version=3"))
                .withRequestBody(matchingJsonPath("$.PrimaryOrderNumber"))
                .withRequestBody(matchingJsonPath("$.ContractExternalId", equalTo(CONTRACT)))
                .willReturn(api));
        server.stubFor(get(urlPathEqualTo(BASE + "/api/availability")).withHeader("Accept", equalTo("application/json;version=3"))
                .withQueryParam("PrimaryOrderNumber", matching(".+")).withQueryParam("Date", matching(DATE))
                .withQueryParam("NumberOfWeeks", matching("[1-5]"))
                .willReturn(api));
        server.stubFor(post(urlPathEqualTo(BASE + "/api/booking")).withHeader("Accept", equalTo("application/json;version=3"))
                .withRequestBody(matchingJsonPath("$.PrimaryOrderNumber"))
                .withRequestBody(matchingJsonPath("$.Date", matching(DATE)))
                .withRequestBody(matchingJsonPath("$.PlanningWindowId", matching("[12]")))
                .willReturn(api));
        server.stubFor(get(urlPathEqualTo(BASE + "/api/BookingSummary")).withHeader("Accept", equalTo("application/json;version=3"))
                .willReturn(api));
        return server;
    }

    public void revokeTokens() {
        validTokens.clear();
    }

    public void reset() {
        orders.clear();
        visits.clear();
        lostAnswers.clear();
        forgetCancelledVisits = false;
        summariesHidingNewVisits.set(0);
    }

    /** The next call to {@code "POST /api/booking"} (method and path) is carried out, and its answer lost. */
    public void loseNextAnswer(String call, LostAnswer how) {
        lostAnswers.put(call, how);
    }

    /**
     * Connect's document does not say whether {@code BookingSummary} still lists a cancelled order's visits: in this
     * mode it does not (the default keeps them, with {@code VisitStatus} 4).
     */
    public void forgetCancelledVisits() {
        forgetCancelledVisits = true;
    }

    /** The next {@code count} booking summaries do not yet show visits booked in the last moment (a lagging read model). */
    public void lagBookingSummaries(int count) {
        summariesHidingNewVisits.set(count);
    }

    /** The sales order numbered so as Connect holds it (a copy), if any. */
    public Optional<ObjectNode> order(String orderNumber) {
        return Optional.ofNullable(orders.get(orderNumber)).map(ObjectNode::deepCopy);
    }

    /**
     * The order and visit as Connect holds them, in the booking's uniform fields: the order's description, priority,
     * job codes and {@code OrderContact} (mobile number before home), and the visit's instructions.
     */
    public Optional<StoredBooking> record(String orderNumber, String visitId) {
        ObjectNode order = orders.get(orderNumber);
        ObjectNode visit = visitId == null ? null : visits.get(visitId);
        if (order == null || visit == null) {
            return Optional.empty();
        }
        List<JobCode> codes = new java.util.ArrayList<>();
        order.path("JobCodes").forEach(code -> codes.add(new JobCode(code.path("CodeExternalId").asText(),
                code.path("Quantity").asInt())));
        JsonNode contact = order.path("OrderContact");
        String phone = contact.hasNonNull("MobilePhone") ? contact.path("MobilePhone").asText()
                : contact.path("HomePhone").asText(null);
        return Optional.of(new StoredBooking(new Job(order.path("Customer").path("ExternalId").asText(), codes,
                order.path("PriorityExternalId").asText(null), orderNumber, order.path("JobDescription").asText(null)),
                contact.isObject() ? new Contact(contact.path("ContactName").asText(null), phone,
                        contact.path("EmailAddress").asText(null)) : null,
                visit.path("VisitInstructions").asText(null)));
    }

    /** The VisitExternalId of the order's visit (the first, when it has several). */
    public String visitOf(String orderNumber) {
        return visits.entrySet().stream().filter(visit -> visit.getValue().path("PrimaryOrderNumber").asText().equals(orderNumber))
                .map(Map.Entry::getKey).sorted().findFirst().orElseThrow();
    }

    /** A planner moves the order's visit to the window (1 AM, 2 PM) on the date, inside Connect. */
    public void plannerMoves(String orderNumber, LocalDate date, int window) {
        visits.get(visitOf(orderNumber)).put("PlanningWindowStart", start(date, window)).put("PlanningWindowEnd", end(date, window));
    }

    /** A planner deletes the order's visit inside Connect (visit status 4). */
    public void plannerDeletes(String orderNumber) {
        visits.get(visitOf(orderNumber)).put("VisitStatus", 4);
    }

    /** Each visit: order number, window start and visit status. */
    public List<String> visits() {
        return visits.values().stream().map(visit -> visit.path("PrimaryOrderNumber").asText() + " "
                + visit.path("PlanningWindowStart").asText() + " " + visit.path("VisitStatus").asInt()).sorted().toList();
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
        String path = request.getUrl().split("\\?")[0].substring(BASE.length());
        if (path.equals("/token")) {
            if (!USER.equals(request.formParameter("username").firstValue())
                    || !PASSWORD.equals(request.formParameter("password").firstValue())) {
                return answer(400, json.createObjectNode().put("error", "invalid_grant")
                        .put("error_description", "The user name or password is incorrect."));
            }
            String token = "tok-" + sequence.incrementAndGet();
            validTokens.add(token);
            return answer(200, json.createObjectNode().put("access_token", token).put("token_type", "bearer")
                    .put("expires_in", 3600));
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !validTokens.contains(authorization.replace("Bearer ", ""))) {
            return answer(401, json.createObjectNode().put("Message", "Authorization has been denied for this request."));
        }
        String call = request.getMethod().getName() + " " + path;
        ResponseDefinition answer = carryOut(call, request);
        LostAnswer lost = lostAnswers.remove(call);
        if (lost == null) {
            return answer;
        }
        return lost == LostAnswer.LATE
                ? ResponseDefinitionBuilder.like(answer).withFixedDelay(2_000).build()
                : aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER).build();
    }

    private ResponseDefinition carryOut(String call, Request request) {
        return switch (call) {
            case "GET /api/PlanningWindow" -> answer(200, windows());
            case "GET /api/SalesOrder" -> {
                ObjectNode order = orders.get(request.queryParameter("PrimaryOrderNumber").firstValue());
                yield order == null ? responseDefinition().withStatus(404).build() : answer(200, order);
            }
            case "POST /api/SalesOrder" -> createOrder((ObjectNode) read(request.getBodyAsString()));
            case "PATCH /api/SalesOrder" -> updateOrder(read(request.getBodyAsString()));
            case "GET /api/availability" -> answer(200, availability(request.queryParameter("PrimaryOrderNumber").firstValue(),
                    LocalDate.parse(request.queryParameter("Date").firstValue()),
                    Integer.parseInt(request.queryParameter("NumberOfWeeks").firstValue())));
            case "POST /api/booking" -> book(read(request.getBodyAsString()));
            case "GET /api/BookingSummary" -> summary(request.queryParameter("PrimaryOrderNumber").isPresent()
                    ? request.queryParameter("PrimaryOrderNumber").firstValue() : null,
                    request.queryParameter("PropertyId").isPresent() ? request.queryParameter("PropertyId").firstValue() : null);
            default -> responseDefinition().withStatus(404).build();
        };
    }

    private ArrayNode windows() {
        ArrayNode windows = json.createArrayNode();
        windows.addObject().put("Id", 1).put("Name", "AM").put("StartHour", 8).put("StartMinute", 0).put("EndHour", 12).put("EndMinute", 59);
        windows.addObject().put("Id", 2).put("Name", "PM").put("StartHour", 13).put("StartMinute", 0).put("EndHour", 16).put("EndMinute", 59);
        return windows;
    }

    private ResponseDefinition createOrder(ObjectNode order) {
        String number = order.path("PrimaryOrderNumber").asText();
        JsonNode contact = order.path("OrderContact");
        if (!contact.isMissingNode()) {
            List<String> unknown = new java.util.ArrayList<>();
            contact.fieldNames().forEachRemaining(field -> {
                if (!ORDER_CONTACT_FIELDS.contains(field)) {
                    unknown.add(field);
                }
            });
            if (!contact.isObject() || !unknown.isEmpty()) {
                return answer(400, json.createObjectNode().put("Message", "OrderContact has unknown fields " + unknown));
            }
        }
        if (orders.containsKey(number)) {
            return answer(400, json.createObjectNode().put("Message", "Order " + number + " already exists"));
        }
        order.put("OrderStatus", 0);
        orders.put(number, order);
        return answer(201, json.createObjectNode());
    }

    private ResponseDefinition updateOrder(JsonNode update) {
        ObjectNode order = orders.get(update.path("PrimaryOrderNumber").asText());
        if (order == null) {
            return answer(400, json.createObjectNode().put("Message", "Order not found"));
        }
        if (update.hasNonNull("JobDescription")) {
            order.put("JobDescription", update.path("JobDescription").asText());
        }
        if (update.path("OrderStatus").asInt(-1) == 11) {
            if (!update.hasNonNull("CancelReason")) {
                return answer(400, json.createObjectNode().put("Message", "CancelReason is required"));
            }
            order.put("OrderStatus", 11).put("CancelReason", update.path("CancelReason").asText());
            visits.values().stream().filter(visit -> visit.path("PrimaryOrderNumber").asText().equals(order.path("PrimaryOrderNumber").asText()))
                    .forEach(visit -> visit.put("VisitStatus", 4));
            if (forgetCancelledVisits) {
                visits.values().removeIf(visit -> visit.path("VisitStatus").asInt() == 4);
            }
        }
        return answer(200, json.createObjectNode());
    }

    private ObjectNode availability(String order, LocalDate date, int weeks) {
        LocalDate monday = date.with(DayOfWeek.MONDAY);
        ObjectNode answer = json.createObjectNode();
        answer.putObject("Availability").put("PrimaryOrderNumber", order).put("Date", date.toString()).put("NumberOfWeeks", weeks);
        answer.set("PlanningWindows", windows());
        ArrayNode byWindow = answer.putArray("AvailabilityPlanningWindows");
        for (int window = 1; window <= 2; window++) {
            ObjectNode entry = byWindow.addObject().put("PlanningWindowId", window);
            ArrayNode days = entry.putArray("AvailabilityDays");
            for (int i = 0; i < weeks * 7; i++) {
                LocalDate day = monday.plusDays(i);
                boolean weekday = day.getDayOfWeek().getValue() <= 5;
                int status = !weekday || taken(day, window, null) ? 0 : day.getDayOfWeek() == DayOfWeek.TUESDAY && window == 1 ? 2 : 1;
                days.addObject().put("Date", day + "T00:00:00").put("AvailabilityStatus", status).put("TravelTime", 20);
            }
        }
        return answer;
    }

    private ResponseDefinition book(JsonNode booking) {
        String order = booking.path("PrimaryOrderNumber").asText();
        LocalDate date = LocalDate.parse(booking.path("Date").asText());
        int window = booking.path("PlanningWindowId").asInt();
        String visitId = booking.hasNonNull("VisitExternalId") ? booking.path("VisitExternalId").asText() : null;
        if (!orders.containsKey(order) || date.getDayOfWeek().getValue() > 5 || taken(date, window, visitId)) {
            return answer(400, json.createObjectNode().put("Message", "The selected appointment slot is not available"));
        }
        ObjectNode visit = visitId == null ? json.createObjectNode() : visits.get(visitId);
        String id = visitId == null ? "V-" + sequence.incrementAndGet() : visitId;
        visit.put("PrimaryOrderNumber", order).put("VisitExternalId", id).put("VisitStatus", 5).put("VisitStatusName", "Booked")
                .put("PlanningWindowStart", start(date, window)).put("PlanningWindowEnd", end(date, window))
                .put("VisitInstructions", booking.path("VisitInstructions").asText(null));
        visits.put(id, visit);
        ObjectNode answer = json.createObjectNode().put("PrimaryOrderNumber", order).put("Date", date.toString())
                .put("VisitExternalId", id);
        answer.set("PlanningWindow", windows().get(window - 1));
        return answer(200, answer);
    }

    private boolean taken(LocalDate day, int window, String exceptVisit) {
        String start = start(day, window);
        return visits.values().stream().anyMatch(visit -> visit.path("PlanningWindowStart").asText().equals(start)
                && visit.path("VisitStatus").asInt() != 4 && !visit.path("VisitExternalId").asText().equals(exceptVisit));
    }

    /** The local wall-clock start of the window (1 AM, 2 PM) on the day, as Connect writes it. */
    private static String start(LocalDate day, int window) {
        return day + (window == 1 ? "T08:00:00" : "T13:00:00");
    }

    private static String end(LocalDate day, int window) {
        return day + (window == 1 ? "T12:59:00" : "T16:59:00");
    }

    private ResponseDefinition summary(String order, String property) {
        ObjectNode answer = json.createObjectNode();
        answer.putObject("Customer").put("ExternalId", property == null ? "" : property);
        ArrayNode appointments = answer.putArray("Appointments");
        if (summariesHidingNewVisits.getAndUpdate(count -> Math.max(0, count - 1)) > 0) {
            return answer(200, answer);
        }
        visits.values().stream().filter(visit -> {
            String number = visit.path("PrimaryOrderNumber").asText();
            return order != null ? number.equals(order)
                    : Objects.equals(orders.get(number).path("Customer").path("ExternalId").asText(), property);
        }).forEach(appointments::add);
        return answer(200, answer);
    }

    private ResponseDefinition answer(int status, JsonNode body) {
        try {
            return responseDefinition().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
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
