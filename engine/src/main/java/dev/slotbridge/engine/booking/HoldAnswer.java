package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.ref.CouncilRefs;

import java.time.Instant;

/** How a front door answers a hold made: the answer kept for replays of the same {@code Idempotency-Key}. */
@FunctionalInterface
public interface HoldAnswer {
    StoredAnswer created(Council council, String holdId, CouncilRefs.SignedSlot slot, Instant expiresAt);
}
