package dev.slotbridge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The setup calls the benchmarks make one at a time (not measured by wrk). */
final class Api {
    static final String KEY = "bench-key";
    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final URI base;

    Api(URI base) {
        this.base = base;
    }

    /** A Monday at least a week ahead, so every searched day is bookable whatever today is. */
    static LocalDate nextMonday() {
        return LocalDate.now(ZoneId.of("Europe/London")).plusDays(7).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    static String searchBody(String externalRef, LocalDate from, LocalDate to) {
        return "{\"propertyRef\":\"3670010\",\"jobCodes\":[{\"code\":\"N373049\",\"quantity\":1}],\"priority\":\"Priority 20 Days\","
                + (externalRef == null ? "" : "\"externalRef\":\"" + externalRef + "\",")
                + "\"from\":\"" + from + "\",\"to\":\"" + to + "\"}";
    }

    static String bookBody(String slotId, String externalRef) {
        return "{\"slotId\":\"" + slotId + "\",\"job\":{\"propertyRef\":\"3670010\",\"jobCodes\":[{\"code\":\"N373049\",\"quantity\":1}],"
                + "\"priority\":\"Priority 20 Days\",\"externalRef\":\"" + externalRef + "\",\"description\":\"Kitchen tap leaking\"},"
                + "\"contact\":{\"name\":\"Ann Tenant\",\"phone\":\"07700900123\"},\"accessNotes\":\"Dog in garden\"}";
    }

    String post(String path, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    String get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    JsonNode read(String body) throws IOException {
        return json.readTree(body);
    }

    private String send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + KEY).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(request.build().uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
