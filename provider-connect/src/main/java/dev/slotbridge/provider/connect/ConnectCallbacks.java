package dev.slotbridge.provider.connect;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.slotbridge.provider.connect.wire.ConnectCallback;
import dev.slotbridge.spi.SchedulerCallbacks;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.SchedulerNotice;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * Connect's callback as Slotbridge defines it (a JSON object, names as Connect writes its own): {@code
 * PrimaryOrderNumber}, {@code VisitExternalId}, {@code Event} — {@code NewAppointment}, {@code ReAppointment},
 * {@code DeletedVisit} or {@code OrderCompletion} — and, for the first two, {@code PlanningWindowStart} and
 * {@code PlanningWindowEnd} as local UK wall-clock times ({@code 2026-06-02T12:00:00}); {@code CustomerExternalId}
 * (the property) optional. Answered {@code {"Received": true}}, or {@code {"Error": "..."}}.
 */
final class ConnectCallbacks implements SchedulerCallbacks {
    private static final String JSON = "application/json";

    private final ObjectMapper json;
    private final ZoneId zone;

    ConnectCallbacks(ObjectMapper json, ZoneId zone) {
        this.json = json;
        this.zone = zone;
    }

    @Override
    public SchedulerNotice read(String contentType, byte[] body) {
        ConnectCallback callback;
        try {
            callback = json.readValue(body, ConnectCallback.class);
        } catch (JacksonException e) {
            throw new InvalidCallbackException("the body is not a JSON object of the callback's fields");
        } catch (IOException e) {
            throw new InvalidCallbackException("the body could not be read");
        }
        if (callback == null || blank(callback.primaryOrderNumber()) || blank(callback.visitExternalId())) {
            throw new InvalidCallbackException("PrimaryOrderNumber and VisitExternalId are required");
        }
        SchedulerNotice.Change change = switch (callback.event() == null ? "" : callback.event()) {
            case "NewAppointment", "ReAppointment" -> SchedulerNotice.Change.BOOKED;
            case "DeletedVisit" -> SchedulerNotice.Change.CANCELLED;
            case "OrderCompletion" -> SchedulerNotice.Change.COMPLETED;
            default -> throw new InvalidCallbackException(
                    "Event must be NewAppointment, ReAppointment, DeletedVisit or OrderCompletion");
        };
        Optional<BookedSlot> window = Optional.empty();
        if (change == SchedulerNotice.Change.BOOKED) {
            OffsetDateTime start = time(callback.planningWindowStart(), "PlanningWindowStart");
            OffsetDateTime end = time(callback.planningWindowEnd(), "PlanningWindowEnd");
            if (!end.isAfter(start)) {
                throw new InvalidCallbackException("PlanningWindowEnd is not after PlanningWindowStart");
            }
            window = Optional.of(new BookedSlot(start, end, null));
        }
        return new SchedulerNotice(change, callback.primaryOrderNumber(), Optional.ofNullable(callback.customerExternalId()),
                Map.of(ConnectMapping.VISIT, callback.visitExternalId()), window);
    }

    @Override
    public CallbackReply acknowledged() {
        return new CallbackReply(200, JSON, "{\"Received\":true}");
    }

    @Override
    public CallbackReply refused(int status, String reason) {
        try {
            return new CallbackReply(status, JSON, json.writeValueAsString(Map.of("Error", reason)));
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write an error", e);
        }
    }

    private OffsetDateTime time(String text, String field) {
        if (blank(text)) {
            throw new InvalidCallbackException(field + " is required for this Event");
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(zone).toOffsetDateTime();
        } catch (DateTimeException e) {
            throw new InvalidCallbackException(field + " must be a local date-time such as 2026-06-02T12:00:00");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
