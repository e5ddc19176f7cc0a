package dev.slotbridge.server.metrics;

import dev.slotbridge.server.problem.ProblemType;

import java.util.Locale;

/**
 * Whose failure an API answer is, the {@code fault} tag of {@code slotbridge_api_requests_total}: the availability
 * SLO counts {@link #SLOTBRIDGE} only, so that a scheduler that is down ({@link #SCHEDULER}) is its own alert and
 * a client's bad request ({@link #CLIENT}) is nobody's outage.
 */
public enum Fault {
    /** Answered as asked (2xx, 3xx). */
    NONE,
    /** The caller's request could not be served as sent: 4xx, 501, and a client holding too many live keys. */
    CLIENT,
    /** The council's scheduler failed, timed out or its circuit is open: 502, 504, 503 {@code scheduler-unavailable}. */
    SCHEDULER,
    /** Slotbridge itself: 500, 503 {@code store-unavailable} and {@code shutting-down}. */
    SLOTBRIDGE;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }

    /** The fault of an answer with this status, made from {@code problem} (null when it is no problem answer). */
    public static Fault of(int status, ProblemType problem) {
        if (problem != null) {
            return of(problem);
        }
        if (status < 400) {
            return NONE;
        }
        if (status == 502 || status == 504) {
            return SCHEDULER;
        }
        return status >= 500 && status != 501 ? SLOTBRIDGE : CLIENT;
    }

    private static Fault of(ProblemType problem) {
        return switch (problem) {
            case INTERNAL_ERROR, STORE_UNAVAILABLE, SHUTTING_DOWN -> SLOTBRIDGE;
            case SCHEDULER_ERROR, SCHEDULER_UNAVAILABLE, SCHEDULER_TIMEOUT -> SCHEDULER;
            case VALIDATION, INVALID_SLOT_ID, MALFORMED_JSON, MALFORMED_REQUEST, UNAUTHENTICATED, FORBIDDEN,
                 COUNCIL_NOT_FOUND, BOOKING_NOT_FOUND, NOT_FOUND, HOLD_NOT_FOUND, DELIVERY_NOT_FOUND,
                 METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, SLOT_UNAVAILABLE, BOOKING_NOT_ACTIVE, IDEMPOTENCY_KEY_IN_USE,
                 BOOKING_IN_PROGRESS, BOOKING_EXISTS, HOLD_EXPIRED, REQUEST_TIMEOUT, PAYLOAD_TOO_LARGE, URI_TOO_LONG,
                 HEADERS_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_REUSED, REJECTED_BY_SCHEDULER,
                 RATE_LIMITED, HOLD_QUOTA_EXCEEDED, CAPABILITY_NOT_SUPPORTED, IDEMPOTENCY_CAPACITY -> CLIENT;
        };
    }
}
