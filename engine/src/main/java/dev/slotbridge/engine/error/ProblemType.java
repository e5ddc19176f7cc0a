package dev.slotbridge.engine.error;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every problem Slotbridge answers with, whichever door: its {@code type} URI and title. How each is answered and
 * counted (status, whose fault, retry) is the {@link ErrorTable}'s.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request"),
    INVALID_SLOT_ID("invalid-slot-id", "Invalid slot id"),
    MALFORMED_JSON("malformed-json", "Malformed JSON"),
    MALFORMED_REQUEST("malformed-request", "Malformed request"),
    UNAUTHENTICATED("unauthenticated", "Missing or unknown API key"),
    FORBIDDEN("forbidden", "Council not allowed for this API key"),
    COUNCIL_NOT_FOUND("council-not-found", "Council not found"),
    BOOKING_NOT_FOUND("booking-not-found", "Booking not found"),
    NOT_FOUND("not-found", "No such resource"),
    HOLD_NOT_FOUND("hold-not-found", "Hold not found"),
    DELIVERY_NOT_FOUND("delivery-not-found", "Webhook delivery not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable"),
    SLOT_UNAVAILABLE("slot-unavailable", "Slot unavailable"),
    BOOKING_NOT_ACTIVE("booking-not-active", "Booking not active"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", "Idempotency key in use"),
    BOOKING_IN_PROGRESS("booking-in-progress", "Another change to this job is in progress"),
    BOOKING_EXISTS("booking-exists", "A booking with this reference exists"),
    HOLD_EXPIRED("hold-expired", "Hold expired"),
    REQUEST_TIMEOUT("request-timeout", "Request not received in time"),
    PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large"),
    URI_TOO_LONG("uri-too-long", "URI too long"),
    HEADERS_TOO_LARGE("request-header-fields-too-large",
            "Request headers too large"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", "Idempotency key reused"),
    REJECTED_BY_SCHEDULER("rejected-by-scheduler", "Rejected by the scheduler"),
    RATE_LIMITED("rate-limited", "Too many requests"),
    HOLD_QUOTA_EXCEEDED("hold-quota-exceeded", "Hold quota exceeded"),
    INTERNAL_ERROR("internal-error", "Internal error"),
    CAPABILITY_NOT_SUPPORTED("capability-not-supported", "Capability not supported"),
    SCHEDULER_ERROR("scheduler-error", "Scheduler error"),
    SCHEDULER_UNAVAILABLE("scheduler-unavailable", "Scheduler unavailable"),
    COUNCIL_BUSY("council-busy", "Council busy"),
    IDEMPOTENCY_CAPACITY("idempotency-capacity", "Too many open Idempotency-Keys"),
    SHUTTING_DOWN("shutting-down", "Shutting down"),
    STORE_UNAVAILABLE("store-unavailable", "Store unavailable"),
    SCHEDULER_TIMEOUT("scheduler-timeout", "Scheduler timeout");

    private static final String BASE = "https://slotbridge.dev/problems/";
    private static final Map<URI, ProblemType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::type, Function.identity()));

    private final URI type;
    private final String title;

    ProblemType(String suffix, String title) {
        this.type = URI.create(BASE + suffix);
        this.title = title;
    }

    public URI type() {
        return type;
    }

    /** The last segment of the {@code type} URI, e.g. {@code slot-unavailable}. */
    public String suffix() {
        return type.getPath().substring(type.getPath().lastIndexOf('/') + 1);
    }

    public String title() {
        return title;
    }

    /** The problem whose {@code type} URI this is, or null. */
    public static ProblemType of(URI type) {
        return type == null ? null : BY_TYPE.get(type);
    }
}
