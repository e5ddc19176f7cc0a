package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.idempotency.IdempotencyStore;

/** The answers to an {@code Idempotency-Key} claim that is refused, the same for bookings and holds. */
final class ClaimRefusals {
    private ClaimRefusals() {
    }

    static ProblemException reused() {
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                "This Idempotency-Key was used with a different request; use a new key for a new request");
    }

    static ProblemException full(IdempotencyStore.Claim.Full full) {
        return new ProblemException(ProblemType.IDEMPOTENCY_CAPACITY,
                "This API client holds as many live Idempotency-Keys as it may; try again after the oldest expires",
                null, Math.max(1, full.retryAfter().toSeconds() + 1));
    }

    static ProblemException inUse(IdempotencyStore.Claim.InUse inUse) {
        return new ProblemException(ProblemType.IDEMPOTENCY_KEY_IN_USE,
                "The first request with this Idempotency-Key is still in progress; send it again shortly to get its answer",
                null, Math.max(1, inUse.retryAfter().toSeconds()));
    }
}
