package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.model.Contact;
import dev.slotbridge.spi.model.Job;
import dev.slotbridge.spi.model.JobCode;
import dev.slotbridge.tck.StoredBooking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder.responseDefinition;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A backend implementing both interfaces, as a WireMock extension the stubs hand matching requests to: it answers a
 * request without its one {@link #TOKEN} with 401 "Invalid Logon", offers AM (08:00–12:00) and PM (12:00–16:00)
 * London windows on weekdays within the requested period, lets each be booked once, and answers a second booking of a
 * window with an empty {@code OrderNum}. Public, in the test-jar, so that the {@code rest} provider proves it can
 * reproduce the ServiceMobility provider from configuration alone. Its stubs only pass requests with the interfaces' headers and the objects'
 * fields, so a request that drifts from the spec gets WireMock's 404.
 */
public final class FakeServiceMobility implements ResponseDefinitionTransformerV2 {
    public static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.test.token";
    public static final String SEARCH = "/sm/appointments/search";
    private static final String NAME = "fake-servicemobility";
    private static final String UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> booked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger orders = new AtomicInteger();
    private final Map<String, JsonNode> jobs = new ConcurrentHashMap<>();

    /** The backend on a WireMock server (not started): searches at {@link #SEARCH}, bookings under /sm/workorders. */
    public static WireMockServer server(FakeServiceMobility backend) {
        WireMockServer server = new WireMockServer(options().dynamicPort().extensions(backend));
        server.stubFor(post(urlPathEqualTo(SEARCH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("x-access-token", matching(".+"))
                .withRequestBody(matchingJsonPath("$.Account.AccountNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.LocationNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.OrderType", equalTo("Repair")))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.Start", matching(UTC)))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.End", matching(UTC)))
                .willReturn(aResponse().withTransformers(NAME)));
        // the probe's search: no account, no location, no order
        server.stubFor(post(urlPathEqualTo(SEARCH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("x-access-token", matching(".+"))
                .withRequestBody(matchingJsonPath("$.Account", absent()))
                .withRequestBody(matchingJsonPath("$.Location", absent()))
                .withRequestBody(matchingJsonPath("$.OriginalOrderNum", absent()))
                .withRequestBody(matchingJsonPath("$.OrderType", equalTo("Repair")))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.Start", matching(UTC)))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.End", matching(UTC)))
                .willReturn(aResponse().withTransformers(NAME)));
        server.stubFor(post(urlPathMatching("/sm/workorders/TCK-[0-9]+/followup"))
                .withHeader("Content-Type", equalTo("application/json"))
                .withHeader("x-access-token", matching(".+"))
                .withRequestBody(matchingJsonPath("$.Account.AccountNum", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.LocNumber", equalTo("3670010")))
                .withRequestBody(matchingJsonPath("$.Location.Contacts[0].Phones[0].PhoneNum", equalTo("07700900123")))
                .withRequestBody(matchingJsonPath("$.OriginalOrderNum", matching("TCK-[0-9]+")))
                .withRequestBody(matchingJsonPath("$.Desc", equalTo("Kitchen tap leaking <under> the sink & \"dripping\"")))
                .withRequestBody(matchingJsonPath("$.ServiceCodes[0]", equalTo("N373049")))
                .withRequestBody(matchingJsonPath("$.TimeConstraints[0].Period.Start", matching(UTC)))
                .willReturn(aResponse().withTransformers(NAME)));
        return server;
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
        if (!TOKEN.equals(event.getRequest().getHeader("x-access-token"))) {
            return responseDefinition().withStatus(401).withBody("Invalid Logon").build();
        }
        JsonNode body = read(event.getRequest().getBodyAsString());
        JsonNode period = body.path("TimeConstraints").path(0).path("Period");
        if (event.getRequest().getUrl().contains("/followup")) {
            String window = period.path("Start").asText() + "/" + period.path("End").asText();
            String orderNum = booked.add(window) ? "WO-" + orders.incrementAndGet() : "";
            if (!orderNum.isEmpty()) {
                jobs.put(orderNum, body);
            }
            return ok(json.createObjectNode().put("OrderNum", orderNum));
        }
        return ok(openSlots(Instant.parse(period.path("Start").asText()), Instant.parse(period.path("End").asText())));
    }

    public void reset() {
        booked.clear();
        jobs.clear();
    }

    /**
     * The work order as the backend took it, in the booking's uniform fields: its location, service codes (which
     * carry no quantity: each stands for one), original order number, description, primary contact and notes.
     */
    public Optional<StoredBooking> record(String orderNum) {
        JsonNode job = jobs.get(orderNum);
        if (job == null) {
            return Optional.empty();
        }
        List<JobCode> codes = new ArrayList<>();
        job.path("ServiceCodes").forEach(code -> codes.add(new JobCode(code.asText(), 1)));
        JsonNode contact = job.path("Location").path("Contacts").path(0);
        String name = String.join(" ", java.util.stream.Stream.of(contact.path("FirstName").asText(null),
                contact.path("LastName").asText(null)).filter(java.util.Objects::nonNull).toList());
        return Optional.of(new StoredBooking(new Job(job.path("Location").path("LocNumber").asText(), codes, null,
                job.path("OriginalOrderNum").asText(null), job.path("Desc").asText(null)),
                contact.isMissingNode() ? null : new Contact(name.isEmpty() ? null : name,
                        contact.path("Phones").path(0).path("PhoneNum").asText(null), contact.path("Email").asText(null)),
                job.path("Location").path("Notes").asText(null)));
    }

    private ObjectNode openSlots(Instant from, Instant to) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode constraints = answer.putArray("TimeConstraints");
        for (LocalDate day = from.atZone(LONDON).toLocalDate(); !day.isAfter(to.atZone(LONDON).toLocalDate()); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                continue;
            }
            for (String[] window : new String[][]{{"AM", "08:00", "12:00"}, {"PM", "12:00", "16:00"}}) {
                Instant start = day.atTime(LocalTime.parse(window[1])).atZone(LONDON).toInstant();
                Instant end = day.atTime(LocalTime.parse(window[2])).atZone(LONDON).toInstant();
                String startText = ServiceMobilityMappingTestSupport.utc(start);
                String endText = ServiceMobilityMappingTestSupport.utc(end);
                if (start.isBefore(from) || end.isAfter(to) || booked.contains(startText + "/" + endText)) {
                    continue;
                }
                ObjectNode constraint = constraints.addObject();
                constraint.put("ID", day + "-" + window[0]).put("Desc", window[0]).put("Type", "Window");
                constraint.putObject("Period").put("Start", startText).put("End", endText);
            }
        }
        return answer;
    }

    private ResponseDefinition ok(JsonNode body) {
        try {
            return responseDefinition().withStatus(200).withHeader("Content-Type", "application/json")
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
