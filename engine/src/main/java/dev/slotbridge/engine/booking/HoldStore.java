package dev.slotbridge.engine.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where holds live: {@link InMemoryHoldStore} for one instance, {@code RedisHoldStore} (module store-redis) for every replica. Every state
 * change is a compare-and-set, so a confirmation racing the sweeper or a release has exactly one winner.
 */
public interface HoldStore {

    /**
     * Counts a new hold against its client's {@link HoldLimits} at the council, in one step with the client's other
     * holds (every replica's, with Redis): admitted, it counts until it ends, is booked, is {@link #withdraw withdrawn}
     * or expires; refused, nothing is stored.
     *
     * @param offered the places the scheduler offers for the job on the hold's day
     */
    HoldLimits.Admission admit(HoldRecord hold, HoldLimits limits, Set<SlotPlace> offered, Instant now);

    /** An admitted hold that was not made after all: it no longer counts. */
    void withdraw(HoldRecord hold);

    /** Stores a new active hold, {@link #admit admitted} before, counting until its {@code expiresAt}. */
    void create(HoldRecord hold);

    /**
     * Stores a new active hold, {@link #admit admitted} before, unless another active, unexpired hold keeps the same
     * place at the council (for schedulers that cannot hold: Slotbridge then keeps a slot for one caller at a time).
     *
     * @return whether it was stored
     */
    boolean createExclusive(HoldRecord hold, Instant now);

    Optional<HoldRecord> find(String id);

    /**
     * Moves the hold from {@code from} to {@code to}; false when it was not in {@code from}. A hold moved to an ending
     * state no longer counts against its client's limits.
     */
    boolean transition(HoldRecord hold, HoldState from, HoldState to);

    /**
     * Ends an active hold ({@code to} is {@code RELEASED} or {@code EXPIRED}) by compare-and-set. When the scheduler
     * holds the slot, the same step records that it is to be released there, due again at {@code retryAt} unless
     * {@link #releasedAtScheduler} comes first: a release that failed, or a replica that died before it, is retried
     * by the sweeper ({@link #releasesDue}). It no longer counts against its client's limits.
     *
     * @return false when the hold was no longer active
     */
    boolean end(HoldRecord hold, HoldState to, Instant retryAt);

    /**
     * Ended holds whose release at the scheduler is due, at most {@code max}, each claimed until {@code retryAt} so
     * that one replica at a time tries it.
     */
    List<HoldRecord> releasesDue(Instant now, Instant retryAt, int max);

    /** The scheduler has released the hold: nothing more is due. */
    void releasedAtScheduler(HoldRecord hold);

    /** Active holds whose time is up, at most {@code max}. */
    List<HoldRecord> expired(Instant now, int max);

    /** The places active, unexpired holds keep at the council, with the client holding each. */
    Map<SlotPlace, String> heldPlaces(String council, Instant now);

    /** How many holds are active, for the gauge. */
    long activeCount();
}
