package dev.slotbridge.server.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * Plays the Housing Repairs Online API's {@code AppointmentsGateway}: before every call it posts its identifier to
 * {@code /authentication} and sends the answer's body as a bearer token whatever the status; query strings are written
 * unencoded by interpolation (only spaces escaped, as .NET's {@code HttpClient} does); the availability GET carries a
 * JSON body. Every exchange is checked against the OpenAPI document, as {@link Api} checks its own.
 */
public final class HroClient {
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String prefix;
    private final String identifier;
    private final JsonMapper json;

    public HroClient(URI base, String prefix, String identifier, JsonMapper json) {
        this.base = base;
        this.prefix = prefix;
        this.identifier = identifier;
        this.json = json;
    }

    /** The answer as the test sees it (the real client mostly ignores it). */
    public record Answer(int status, String contentType, String text) {
    }

    public Answer authenticate() {
        return send("POST", "/authentication?identifier=" + identifier, null, null);
    }

    /** {@code GET /Appointments/AvailableAppointments?...} with the allowed slots as its body (null: no body). */
    public Answer availableAppointments(String query, String allowedSlots) {
        return call("GET", "/Appointments/AvailableAppointments?" + query, allowedSlots);
    }

    public Answer bookAppointment(String query, String body) {
        return call("POST", "/Appointments/BookAppointment?" + query, body);
    }

    public Answer cancelAppointment(String bookingReference) {
        return call("POST", "/Appointments/CancelAppointment?bookingReference=" + bookingReference, null);
    }

    public Answer updateAppointmentSlot(String query) {
        return call("POST", "/Appointments/UpdateAppointmentSlot?" + query, null);
    }

    /** The appointments of an availability answer. */
    public List<Map<String, Object>> appointments(Answer answer) {
        try {
            return json.readValue(answer.text(), Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** As the client does: a fresh token for each call, sent whatever the authentication answered. */
    private Answer call(String method, String pathAndQuery, String body) {
        return send(method, pathAndQuery, body, authenticate().text());
    }

    /** Sends a request with a token of the test's choosing (expired, forged, absent). */
    public Answer send(String method, String pathAndQuery, String body, String token) {
        return sendWithTokens(method, pathAndQuery, body, token == null ? List.of() : List.of(token));
    }

    /** Sends a request with one {@code Authorization: Bearer} header per token (none, or two). */
    public Answer sendWithTokens(String method, String pathAndQuery, String body, List<String> tokens) {
        URI uri = URI.create(base + prefix + pathAndQuery.replace(" ", "%20").replace("\u202F", "%E2%80%AF"));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            builder.header("Content-Type", "application/json; charset=utf-8");
        }
        tokens.forEach(token -> builder.header("Authorization", "Bearer " + token));
        try {
            HttpRequest request = builder.build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            // the document lists the routes at the root; under a path prefix they are the same operations
            String problems = prefix.isEmpty() ? OpenApiContract.problems(request, body, response) : "";
            if (!problems.isEmpty()) {
                throw new AssertionError("the exchange does not match /openapi.yml:\n" + problems);
            }
            return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
