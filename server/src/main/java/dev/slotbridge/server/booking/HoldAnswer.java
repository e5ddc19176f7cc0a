package dev.slotbridge.server.booking;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.idempotency.StoredAnswer;
import dev.slotbridge.server.ref.CouncilRefs;

import java.time.Instant;

/** How a front door answers a hold made: the answer kept for replays of the same {@code Idempotency-Key}. */
@FunctionalInterface
public interface HoldAnswer {
    StoredAnswer created(Council council, String holdId, CouncilRefs.SignedSlot slot, Instant expiresAt);
}
