package dev.slotbridge.provider.servicemobility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.servicemobility.wire.AppointmentSearch;
import dev.slotbridge.provider.servicemobility.wire.BookJob;
import dev.slotbridge.provider.servicemobility.wire.BookJobResponse;
import dev.slotbridge.provider.servicemobility.wire.OpenSlots;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.support.HttpTransport;
import dev.slotbridge.spi.support.SchedulerMessages;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One method per interface: {@code POST} with {@code Content-Type: application/json} and {@code x-access-token}.
 * 200 is read as the interface's object; 401 (the interfaces' "Invalid Logon") or 403 means the token was rejected;
 * any other 4xx is the backend refusing, with its descriptive reason (never its raw body) as the message; 5xx and
 * transport failures come from {@link HttpTransport}.
 */
final class ServiceMobilityClient {

    private final ServiceMobilitySettings settings;
    private final HttpTransport transport;
    private final ObjectMapper json;

    ServiceMobilityClient(ServiceMobilitySettings settings, HttpTransport transport, ObjectMapper json) {
        this.settings = settings;
        this.transport = transport;
        this.json = json;
    }

    OpenSlots searchOpenSlots(AppointmentSearch search) {
        return post(settings.appointmentSearchUrl(), search, OpenSlots.class);
    }

    BookJobResponse bookJob(String workOrderNumber, BookJob job) {
        return post(settings.bookJobUrl(workOrderNumber), job, BookJobResponse.class);
    }

    private <T> T post(URI url, Object body, Class<T> answerType) {
        HttpRequest request = transport.request(url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("x-access-token", settings.accessToken())
                .POST(HttpRequest.BodyPublishers.ofString(write(body)))
                .build();
        HttpResponse<String> response = transport.send(request);
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new SchedulerCredentialsRejectedException(
                    "ServiceMobility rejected the access token (HTTP " + status + ") for POST " + url.getPath());
        }
        if (status < 200 || status > 299) {
            throw new RejectedBySchedulerException(reason(response));
        }
        try {
            return json.readValue(response.body(), answerType);
        } catch (JsonProcessingException e) {
            throw new SchedulerResponseException("ServiceMobility answered POST " + url.getPath()
                    + " with a body that is not a " + answerType.getSimpleName(), e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    /** The backend's "descriptive reason": a message field of a JSON body, or short plain text; never markup. */
    private String reason(HttpResponse<String> response) {
        String fallback = "ServiceMobility refused the request (HTTP " + response.statusCode() + ")";
        String body = response.body() == null ? "" : response.body().strip();
        String text = body;
        if (body.startsWith("{")) {
            try {
                JsonNode node = json.readTree(body);
                text = firstText(node, "Message", "message", "Error", "error", "Desc", "Reason");
            } catch (JsonProcessingException e) {
                text = null;
            }
        }
        return SchedulerMessages.forCaller(text).map(reason -> fallback + ": " + reason).orElse(fallback);
    }

    private static String firstText(JsonNode node, String... fields) {
        for (String field : fields) {
            if (node.path(field).isTextual()) {
                return node.path(field).asText();
            }
        }
        return null;
    }
}
