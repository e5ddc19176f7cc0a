package dev.slotbridge.provider.servicemobility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

/**
 * A backend implementing both interfaces, as a WireMock extension the stubs hand matching requests to: it offers AM
 * (08:00–12:00) and PM (12:00–16:00) London windows on weekdays within the requested period, lets each be booked
 * once, and answers a second booking of a window with an empty {@code OrderNum}.
 */
final class FakeServiceMobility implements ResponseDefinitionTransformerV2 {
    static final String NAME = "fake-servicemobility";
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ObjectMapper json = new ObjectMapper();
    private final Set<String> booked = ConcurrentHashMap.newKeySet();
    private final AtomicInteger orders = new AtomicInteger();

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
        JsonNode body = read(event.getRequest().getBodyAsString());
        JsonNode period = body.path("TimeConstraints").path(0).path("Period");
        if (event.getRequest().getUrl().contains("/followup")) {
            String window = period.path("Start").asText() + "/" + period.path("End").asText();
            String orderNum = booked.add(window) ? "WO-" + orders.incrementAndGet() : "";
            return ok(json.createObjectNode().put("OrderNum", orderNum));
        }
        return ok(openSlots(Instant.parse(period.path("Start").asText()), Instant.parse(period.path("End").asText())));
    }

    void reset() {
        booked.clear();
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
