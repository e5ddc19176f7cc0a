package dev.slotbridge.server.booking;

import java.time.Instant;
import java.util.Map;

/**
 * A hold as the store keeps it.
 *
 * @param id        the store's id (the public {@code holdId} signs it)
 * @param council   the council it was made at
 * @param client    the API client that made it (only it may book or release it)
 * @param slot      the held slot's key values
 * @param holdKey   the provider's hold key values, or null when Slotbridge holds the slot in its store
 * @param job       the fingerprint of the slot and the job it is held for: booking it needs the same job
 * @param expiresAt when the hold ends
 * @param state     where it is in its life
 */
public record HoldRecord(String id, String council, String client, Map<String, String> slot, Map<String, String> holdKey,
                         String job, Instant expiresAt, HoldState state) {
    public HoldRecord {
        slot = Map.copyOf(slot);
        holdKey = holdKey == null ? null : Map.copyOf(holdKey);
    }

    public HoldRecord withState(HoldState newState) {
        return new HoldRecord(id, council, client, slot, holdKey, job, expiresAt, newState);
    }

    /** Whether the scheduler holds the slot itself. */
    public boolean heldByScheduler() {
        return holdKey != null;
    }
}
