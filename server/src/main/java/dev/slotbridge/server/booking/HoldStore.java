package dev.slotbridge.server.booking;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where holds live: {@link InMemoryHoldStore} for one instance, {@link RedisHoldStore} for every replica. Every state
 * change is a compare-and-set, so a confirmation racing the sweeper or a release has exactly one winner.
 */
public interface HoldStore {

    /** Stores a new active hold. */
    void create(HoldRecord hold);

    /**
     * Stores a new active hold unless another active, unexpired hold keeps the same slot at the council (for
     * schedulers that cannot hold: Slotbridge then keeps a slot for one caller at a time).
     *
     * @return whether it was stored
     */
    boolean createExclusive(HoldRecord hold, Instant now);

    Optional<HoldRecord> find(String id);

    /** Moves the hold from {@code from} to {@code to}; false when it was not in {@code from}. */
    boolean transition(HoldRecord hold, HoldState from, HoldState to);

    /** Active holds whose time is up, at most {@code max}. */
    List<HoldRecord> expired(Instant now, int max);

    /** The slots (key values) active, unexpired holds keep at the council, with the client holding each. */
    Map<Map<String, String>, String> heldSlots(String council, Instant now);

    /** How many holds are active, for the gauge. */
    long activeCount();
}
