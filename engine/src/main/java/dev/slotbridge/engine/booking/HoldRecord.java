package dev.slotbridge.engine.booking;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * A hold as the store keeps it.
 *
 * @param id          the store's id (the public {@code holdId} signs it)
 * @param council     the council it was made at
 * @param client      the API client that made it (only it may book or release it)
 * @param slot        the held slot's key values
 * @param place       the held slot's window, which a hold kept in the store withholds from everyone else; null for a
 *                    hold an earlier version made
 * @param holdKey     the provider's hold key values, or null when Slotbridge holds the slot in its store
 * @param job         the fingerprint of the slot and the job it is held for: booking it needs the same job
 * @param propertyRef the job's property, which the client's {@link HoldLimits} count it against
 * @param day         the slot's day in the council's zone, likewise
 * @param expiresAt   when the hold ends
 * @param state       where it is in its life
 */
public record HoldRecord(String id, String council, String client, Map<String, String> slot, SlotPlace place,
                         Map<String, String> holdKey,
                         String job, String propertyRef, LocalDate day, Instant expiresAt, HoldState state) {
    public HoldRecord {
        slot = Map.copyOf(slot);
        holdKey = holdKey == null ? null : Map.copyOf(holdKey);
    }

    public HoldRecord withState(HoldState newState) {
        return new HoldRecord(id, council, client, slot, place, holdKey, job, propertyRef, day, expiresAt, newState);
    }

    /** The hold as the scheduler made it: its hold key, until when. */
    HoldRecord withSchedulerHold(Map<String, String> newHoldKey, Instant until) {
        return new HoldRecord(id, council, client, slot, place, newHoldKey, job, propertyRef, day, until, state);
    }

    /** Whether the scheduler holds the slot itself. */
    public boolean heldByScheduler() {
        return holdKey != null;
    }
}
