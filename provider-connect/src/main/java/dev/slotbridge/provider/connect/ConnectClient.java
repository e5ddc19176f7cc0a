package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.connect.wire.Appointment;
import dev.slotbridge.provider.connect.wire.AvailabilityResponse;
import dev.slotbridge.provider.connect.wire.AppointmentBooking;
import dev.slotbridge.provider.connect.wire.BookingResponse;
import dev.slotbridge.provider.connect.wire.BookingSummaryResponse;
import dev.slotbridge.provider.connect.wire.ConnectError;
import dev.slotbridge.provider.connect.wire.PlanningWindow;
import dev.slotbridge.provider.connect.wire.SalesOrder;
import dev.slotbridge.provider.connect.wire.SalesOrderUpdate;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;
import dev.slotbridge.spi.support.SchedulerMessages;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One method per Connect endpoint used, under {@code {base-url}/api/}: {@code SalesOrder} (GET, POST, PATCH),
 * {@code availability}, {@code booking}, {@code BookingSummary} and {@code PlanningWindow}. Every call sends
 * {@code Accept: application/json;version=N} and {@code Authorization: Bearer <token>}; a 401 refreshes the token
 * once and repeats the call. A 400's Error {@code Message} becomes a refusal; 5xx and transport failures come from
 * {@link HttpTransport}; an unreadable body, or any other status, is a {@link SchedulerResponseException}. Only the
 * lookups of an order ({@code SalesOrder} GET, {@code BookingSummary}) read a 404 as "none"; a 404 to a write or to
 * {@code availability} is an unexpected answer.
 */
final class ConnectClient {

    private final ConnectSettings settings;
    private final ConnectTokenSource tokens;
    private final HttpTransport transport;
    private final ObjectMapper json;

    ConnectClient(ConnectSettings settings, ConnectTokenSource tokens, HttpTransport transport, ObjectMapper json) {
        this.settings = settings;
        this.tokens = tokens;
        this.transport = transport;
        this.json = json;
    }

    /** {@code GET api/SalesOrder?PrimaryOrderNumber=&ContractExternalId=}; empty on 404 or a null answer. */
    Optional<SalesOrder> salesOrder(String primaryOrderNumber) {
        HttpResponse<byte[]> response = read("SalesOrder?PrimaryOrderNumber=" + encode(primaryOrderNumber)
                + "&ContractExternalId=" + encode(settings.contractExternalId()));
        if (response.statusCode() == 404 || isBlank(response.body()) || text(response).strip().equals("null")) {
            return Optional.empty();
        }
        return Optional.of(read(response, json.constructType(SalesOrder.class)));
    }

    void createSalesOrder(SalesOrder order) {
        call("POST", settings.api("SalesOrder"), order);
    }

    void updateSalesOrder(SalesOrderUpdate update) {
        call("PATCH", settings.api("SalesOrder"), update);
    }

    /**
     * {@code GET api/availability}: the whole weeks from the one {@code date} falls in, read as it is parsed
     * ({@link AvailabilityReader}).
     */
    AvailabilityResponse availability(String primaryOrderNumber, LocalDate date, int numberOfWeeks, String visitExternalId) {
        String query = "availability?PrimaryOrderNumber=" + encode(primaryOrderNumber) + "&Date=" + date
                + "&NumberOfWeeks=" + numberOfWeeks + (visitExternalId == null ? "" : "&VisitExternalId=" + encode(visitExternalId));
        HttpResponse<byte[]> response = call("GET", settings.api(query), null);
        return AvailabilityReader.read(json.getFactory(), response.body(), HttpTransport.charset(response));
    }

    BookingResponse book(AppointmentBooking booking) {
        return read(call("POST", settings.api("booking"), booking), json.constructType(BookingResponse.class));
    }

    List<Appointment> appointmentsForOrder(String primaryOrderNumber) {
        return summary("BookingSummary?PrimaryOrderNumber=" + encode(primaryOrderNumber));
    }

    List<Appointment> appointmentsAtProperty(String propertyId) {
        return summary("BookingSummary?PropertyId=" + encode(propertyId));
    }

    List<PlanningWindow> planningWindows() {
        return read(call("GET", settings.api("PlanningWindow"), null),
                json.getTypeFactory().constructType(new TypeReference<List<PlanningWindow>>() { }));
    }

    /** No appointments when Connect answers 404 (it knows no such order or property) or an empty body. */
    private List<Appointment> summary(String pathAndQuery) {
        HttpResponse<byte[]> response = read(pathAndQuery);
        if (response.statusCode() == 404 || isBlank(response.body())) {
            return List.of();
        }
        BookingSummaryResponse answer = read(response, json.constructType(BookingSummaryResponse.class));
        return answer == null || answer.appointments() == null ? List.of() : answer.appointments();
    }

    /** A {@code GET} whose 404 means "no such order or property": returned for the caller to map to "none". */
    private HttpResponse<byte[]> read(String pathAndQuery) {
        return exchange("GET", settings.api(pathAndQuery), null, true);
    }

    /** Any call but a lookup: a 404 is an unexpected answer, never "done" and never "none". */
    private HttpResponse<byte[]> call(String method, URI uri, Object body) {
        return exchange(method, uri, body, false);
    }

    private HttpResponse<byte[]> exchange(String method, URI uri, Object body, boolean lookup) {
        HttpResponse<byte[]> response = tokens.tokens().send(token -> send(method, uri, body, token));
        if (response.statusCode() == 401) {
            throw new SchedulerCredentialsRejectedException("Connect refused a fresh access token (HTTP 401) for "
                    + method + " " + uri.getPath());
        }
        if (response.statusCode() == 400) {
            throw new RejectedBySchedulerException(message(response));
        }
        if (response.statusCode() / 100 != 2 && !(lookup && response.statusCode() == 404)) {
            throw new SchedulerResponseException("Connect answered " + method + " " + uri.getPath() + " with HTTP "
                    + response.statusCode(), null);
        }
        return response;
    }

    private HttpResponse<byte[]> send(String method, URI uri, Object body, String token) {
        HttpRequest.Builder request = transport.request(uri)
                .header("Accept", "application/json;version=" + settings.apiVersion())
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(write(body)));
        }
        return transport.sendForBytes(request.build());
    }

    private String message(HttpResponse<byte[]> response) {
        String fallback = "Connect refused the request (HTTP 400)";
        try {
            ConnectError error = json.readValue(text(response), ConnectError.class);
            return SchedulerMessages.forCaller(error == null ? null : error.message()).orElse(fallback);
        } catch (JsonProcessingException e) {
            return fallback;
        }
    }

    /**
     * The answer bound to {@code type}, from its bytes (JSON is UTF-8; Jackson reads the bytes itself), or from its
     * text when its {@code Content-Type} names another charset.
     */
    private <T> T read(HttpResponse<byte[]> response, JavaType type) {
        try {
            Charset charset = HttpTransport.charset(response);
            return charset == null || charset.equals(StandardCharsets.UTF_8) ? json.readValue(response.body(), type)
                    : json.readValue(text(response), type);
        } catch (IOException | IllegalArgumentException e) {
            throw new SchedulerResponseException("Connect answered with a body that is not a " + type.getRawClass().getSimpleName(), e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        Charset charset = HttpTransport.charset(response);
        return new String(response.body(), charset == null ? StandardCharsets.UTF_8 : charset);
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private byte[] write(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
