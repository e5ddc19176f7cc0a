package dev.slotbridge.server.problem;

import io.micronaut.http.HttpStatus;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every problem the API answers with: its HTTP status, the {@code type} URI suffix and the title. */
public enum ProblemType {
    VALIDATION(HttpStatus.BAD_REQUEST, "validation", "Invalid request"),
    INVALID_SLOT_ID(HttpStatus.BAD_REQUEST, "invalid-slot-id", "Invalid slot id"),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON"),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request"),
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "unauthenticated", "Missing or unknown API key"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Council not allowed for this API key"),
    COUNCIL_NOT_FOUND(HttpStatus.NOT_FOUND, "council-not-found", "Council not found"),
    BOOKING_NOT_FOUND(HttpStatus.NOT_FOUND, "booking-not-found", "Booking not found"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "not-found", "No such resource"),
    HOLD_NOT_FOUND(HttpStatus.NOT_FOUND, "hold-not-found", "Hold not found"),
    DELIVERY_NOT_FOUND(HttpStatus.NOT_FOUND, "delivery-not-found", "Webhook delivery not found"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed"),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "Not acceptable"),
    SLOT_UNAVAILABLE(HttpStatus.CONFLICT, "slot-unavailable", "Slot unavailable"),
    BOOKING_NOT_ACTIVE(HttpStatus.CONFLICT, "booking-not-active", "Booking not active"),
    IDEMPOTENCY_KEY_IN_USE(HttpStatus.CONFLICT, "idempotency-key-in-use", "Idempotency key in use"),
    BOOKING_IN_PROGRESS(HttpStatus.CONFLICT, "booking-in-progress", "Another change to this job is in progress"),
    BOOKING_EXISTS(HttpStatus.CONFLICT, "booking-exists", "A booking with this reference exists"),
    HOLD_EXPIRED(HttpStatus.CONFLICT, "hold-expired", "Hold expired"),
    REQUEST_TIMEOUT(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request not received in time"),
    PAYLOAD_TOO_LARGE(HttpStatus.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Request body too large"),
    URI_TOO_LONG(HttpStatus.REQUEST_URI_TOO_LONG, "uri-too-long", "URI too long"),
    HEADERS_TOO_LARGE(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-fields-too-large",
            "Request headers too large"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type"),
    IDEMPOTENCY_KEY_REUSED(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused"),
    REJECTED_BY_SCHEDULER(HttpStatus.UNPROCESSABLE_ENTITY, "rejected-by-scheduler", "Rejected by the scheduler"),
    RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests"),
    HOLD_QUOTA_EXCEEDED(HttpStatus.TOO_MANY_REQUESTS, "hold-quota-exceeded", "Hold quota exceeded"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error"),
    CAPABILITY_NOT_SUPPORTED(HttpStatus.NOT_IMPLEMENTED, "capability-not-supported", "Capability not supported"),
    SCHEDULER_ERROR(HttpStatus.BAD_GATEWAY, "scheduler-error", "Scheduler error"),
    SCHEDULER_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "scheduler-unavailable", "Scheduler unavailable"),
    COUNCIL_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "council-busy", "Council busy"),
    IDEMPOTENCY_CAPACITY(HttpStatus.SERVICE_UNAVAILABLE, "idempotency-capacity", "Too many open Idempotency-Keys"),
    SHUTTING_DOWN(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Shutting down"),
    STORE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "store-unavailable", "Store unavailable"),
    SCHEDULER_TIMEOUT(HttpStatus.GATEWAY_TIMEOUT, "scheduler-timeout", "Scheduler timeout");

    private static final String BASE = "https://slotbridge.dev/problems/";
    private static final Map<URI, ProblemType> BY_TYPE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ProblemType::type, Function.identity()));

    private final HttpStatus status;
    private final URI type;
    private final String title;

    ProblemType(HttpStatus status, String suffix, String title) {
        this.status = status;
        this.type = URI.create(BASE + suffix);
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The problem whose {@code type} URI this is, or null. */
    public static ProblemType of(URI type) {
        return type == null ? null : BY_TYPE.get(type);
    }
}
