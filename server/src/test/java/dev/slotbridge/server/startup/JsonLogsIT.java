package dev.slotbridge.server.startup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log as an operator's shipper reads it: the real jar with {@code SLOTBRIDGE_LOG_FORMAT=json} writes one JSON
 * object per line — every line, from start-up to shutdown — with the request line's fields as fields, the audit
 * event as its own {@code event_type}, and no personal data or secret anywhere, though the requests carried plenty.
 * Without the variable the log stays plain; an unknown format stops the start.
 */
final class JsonLogsIT {
    private static final String DEMO_KEY = "sandbox-demo-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path work;

    @Test
    void everyLineIsJsonWithFieldsAndNothingPersonalOrSecret() throws Exception {
        ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo", "SLOTBRIDGE_LOG_FORMAT", "json"))
                .awaitStarted();
        try (server) {
            String search = """
                    {"propertyRef":"3670010","jobCodes":[{"code":"N373049","quantity":1}],"priority":"Priority 20 Days",
                     "from":"%s","to":"%s"}""".formatted(LocalDate.now().plusDays(7), LocalDate.now().plusDays(14));
            JsonNode slots = JSON.readTree(post(server.base, "/v1/councils/sandbox/appointment-search", search).body());
            String slotId = slots.get("slots").get(0).get("slotId").asText();
            HttpResponse<String> booked = post(server.base, "/v1/councils/sandbox/bookings", """
                    {"slotId":"%s","job":{"propertyRef":"3670010","jobCodes":[{"code":"N373049","quantity":1}],
                     "priority":"Priority 20 Days","externalRef":"JSON-1",
                     "description":"Tap leaking, ring Ann on 07700 900456 or ann.tenant@example.org"},
                     "contact":{"name":"Ann Tenant","phone":"07700900123","email":"ann@example.org"},
                     "accessNotes":"Blue door, key under the mat"}""".formatted(slotId));
            assertThat(booked.statusCode()).as(booked.body()).isEqualTo(201);
            HttpResponse<String> refused = post(server.base, "/v1/councils/sandbox/bookings", """
                    {"slotId":"not-a-slot","job":{"description":"ring 07700 900789"},
                     "contact":{"name":"Bob Tenant","phone":"07700900999"}}""");
            assertThat(refused.statusCode()).isEqualTo(400);
        }
        assertThat(server.awaitExit()).isZero();

        List<JsonNode> lines = new ArrayList<>();
        for (String line : server.output().lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).anySatisfy(line -> assertThat(line.path("message").asText()).contains("Startup completed"));
        assertThat(lines).filteredOn(line -> line.path("event_type").asText().equals("request"))
                .anySatisfy(line -> {
                    assertThat(line.get("council").asText()).isEqualTo("sandbox");
                    assertThat(line.get("operation").asText()).isEqualTo("book");
                    assertThat(line.get("status").asInt()).isEqualTo(201);
                    assertThat(line.get("scheduler_us").isNumber()).isTrue();
                    assertThat(line.get("request_id").asText()).isEqualTo(line.get("requestId").asText());
                });
        assertThat(lines).filteredOn(line -> line.path("event_type").asText().equals("audit"))
                .anySatisfy(line -> assertThat(line.get("operation").asText()).isEqualTo("book"));
        assertThat(server.output()).doesNotContain("Ann Tenant", "Bob Tenant", "ann.tenant", "ann@example.org",
                "900123", "900456", "900789", "900999", "Blue door", DEMO_KEY);
    }

    @Test
    void thePlainFormatStaysTheDefault() throws Exception {
        try (ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo")).awaitStarted()) {
            assertThat(server.output().lines()).isNotEmpty().noneMatch(line -> line.startsWith("{"));
        }
    }

    @Test
    void anUnknownFormatStopsTheStartSayingSo() throws Exception {
        ServerJar server = ServerJar.start(work, Map.of("MICRONAUT_ENVIRONMENTS", "demo", "SLOTBRIDGE_LOG_FORMAT", "xml"));
        assertThat(server.awaitExit()).isEqualTo(1);
        assertThat(server.output()).contains("SLOTBRIDGE_LOG_FORMAT: 'xml' is not a log format; use plain (the default) or json");
    }

    private HttpResponse<String> post(URI base, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + DEMO_KEY)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
