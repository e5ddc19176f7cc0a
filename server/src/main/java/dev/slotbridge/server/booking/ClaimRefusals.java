package dev.slotbridge.server.booking;

import dev.slotbridge.server.idempotency.IdempotencyStore;
import dev.slotbridge.server.problem.ApiProblemException;
import dev.slotbridge.server.problem.ProblemType;
import io.micronaut.http.HttpHeaders;

import java.util.Map;

/** The answers to an {@code Idempotency-Key} claim that is refused, the same for bookings and holds. */
final class ClaimRefusals {
    private ClaimRefusals() {
    }

    static ApiProblemException reused() {
        return new ApiProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used with a different request; use a new key for a new request");
    }

    static ApiProblemException full(IdempotencyStore.Claim.Full full) {
        return new ApiProblemException(ProblemType.IDEMPOTENCY_CAPACITY,
                "This API client holds as many live Idempotency-Keys as it may; try again after the oldest expires",
                null, Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, full.retryAfter().toSeconds() + 1))));
    }

    static ApiProblemException inUse(IdempotencyStore.Claim.InUse inUse) {
        return new ApiProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                "The first request with this Idempotency-Key is still in progress; send it again shortly to get its answer",
                null, Map.of(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, inUse.retryAfter().toSeconds()))));
    }
}
