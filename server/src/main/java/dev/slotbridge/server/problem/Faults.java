package dev.slotbridge.server.problem;

import dev.slotbridge.server.metrics.Fault;
import io.micronaut.http.HttpResponse;

/** Whose fault an API answer is ({@link Fault}), from its problem type, or its status when it is no problem answer. */
public final class Faults {
    private Faults() {
    }

    /** The fault of this answer. */
    public static Fault of(HttpResponse<?> response) {
        ProblemType problem = response.getBody().filter(Problem.class::isInstance)
                .map(body -> ProblemType.of(((Problem) body).type())).orElse(null);
        return of(response.code(), problem);
    }

    /** The fault of an answer with this status, made from {@code problem} (null when it is no problem answer). */
    static Fault of(int status, ProblemType problem) {
        if (problem != null) {
            return of(problem);
        }
        if (status < 400) {
            return Fault.NONE;
        }
        if (status == 502 || status == 504) {
            return Fault.SCHEDULER;
        }
        return status >= 500 && status != 501 ? Fault.SLOTBRIDGE : Fault.CLIENT;
    }

    private static Fault of(ProblemType problem) {
        return switch (problem) {
            case INTERNAL_ERROR, STORE_UNAVAILABLE, SHUTTING_DOWN -> Fault.SLOTBRIDGE;
            // council-busy: the council's calls in flight held every permit for max-wait, which a scheduler answering in
            // time does not do
            case SCHEDULER_ERROR, SCHEDULER_UNAVAILABLE, SCHEDULER_TIMEOUT, COUNCIL_BUSY -> Fault.SCHEDULER;
            case VALIDATION, INVALID_SLOT_ID, MALFORMED_JSON, MALFORMED_REQUEST, UNAUTHENTICATED, FORBIDDEN,
                 COUNCIL_NOT_FOUND, BOOKING_NOT_FOUND, NOT_FOUND, HOLD_NOT_FOUND, DELIVERY_NOT_FOUND,
                 METHOD_NOT_ALLOWED, NOT_ACCEPTABLE, SLOT_UNAVAILABLE, BOOKING_NOT_ACTIVE, IDEMPOTENCY_KEY_IN_USE,
                 BOOKING_IN_PROGRESS, BOOKING_EXISTS, HOLD_EXPIRED, REQUEST_TIMEOUT, PAYLOAD_TOO_LARGE, URI_TOO_LONG,
                 HEADERS_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, IDEMPOTENCY_KEY_REUSED, REJECTED_BY_SCHEDULER,
                 RATE_LIMITED, HOLD_QUOTA_EXCEEDED, CAPABILITY_NOT_SUPPORTED, IDEMPOTENCY_CAPACITY -> Fault.CLIENT;
        };
    }
}
