package dev.slotbridge.engine.booking;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link HoldStore} in this process. Holds that have ended are kept for a day (a late release or booking still gets
 * its true answer), then forgotten. The holds counting against their clients' limits are kept apart, from admission
 * until they end, are withdrawn or expire.
 */
@Singleton
@Secondary
final class InMemoryHoldStore implements HoldStore {
    private static final Duration KEEP_ENDED = Duration.ofDays(1);

    private final Map<String, HoldRecord> holds = new LinkedHashMap<>();
    /** The ended holds still to be released at the scheduler, with when they are due. */
    private final Map<String, Instant> releases = new LinkedHashMap<>();
    /** The holds that count against their clients' limits, by id. */
    private final Map<String, HoldRecord> counted = new HashMap<>();
    private final Clock clock;

    InMemoryHoldStore(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized HoldLimits.Admission admit(HoldRecord hold, HoldLimits limits, Set<SlotPlace> offered,
                                                   Instant now) {
        counted.values().removeIf(held -> !held.expiresAt().isAfter(now));
        HoldLimits.Admission admission = limits.admit(hold, counted.values().stream().filter(held ->
                held.council().equals(hold.council()) && held.client().equals(hold.client())).toList(), offered);
        if (admission.admitted()) {
            counted.put(hold.id(), hold);
        }
        return admission;
    }

    @Override
    public synchronized void withdraw(HoldRecord hold) {
        counted.remove(hold.id());
    }

    @Override
    public synchronized void create(HoldRecord hold) {
        forgetOld();
        holds.put(hold.id(), hold);
        counted.put(hold.id(), hold);
    }

    @Override
    public synchronized boolean createExclusive(HoldRecord hold, Instant now) {
        boolean taken = holds.values().stream().anyMatch(other -> other.council().equals(hold.council())
                && Objects.equals(other.place(), hold.place()) && keeps(other, now));
        if (taken) {
            return false;
        }
        create(hold);
        return true;
    }

    @Override
    public synchronized Optional<HoldRecord> find(String id) {
        return Optional.ofNullable(holds.get(id));
    }

    @Override
    public synchronized boolean transition(HoldRecord hold, HoldState from, HoldState to) {
        HoldRecord current = holds.get(hold.id());
        if (current == null || current.state() != from) {
            return false;
        }
        holds.put(hold.id(), current.withState(to));
        if (!to.keepsSlot()) {
            counted.remove(hold.id());
        }
        return true;
    }

    @Override
    public synchronized boolean end(HoldRecord hold, HoldState to, Instant retryAt) {
        if (!transition(hold, HoldState.ACTIVE, to)) {
            return false;
        }
        if (hold.heldByScheduler()) {
            releases.put(hold.id(), retryAt);
        }
        return true;
    }

    @Override
    public synchronized List<HoldRecord> releasesDue(Instant now, Instant retryAt, int max) {
        List<HoldRecord> due = releases.entrySet().stream().filter(release -> !release.getValue().isAfter(now))
                .limit(max).map(release -> holds.get(release.getKey())).toList();
        due.forEach(hold -> releases.put(hold.id(), retryAt));
        return due;
    }

    @Override
    public synchronized void releasedAtScheduler(HoldRecord hold) {
        releases.remove(hold.id());
    }

    @Override
    public synchronized List<HoldRecord> expired(Instant now, int max) {
        return holds.values().stream().filter(hold -> hold.state() == HoldState.ACTIVE && !hold.expiresAt().isAfter(now))
                .limit(max).toList();
    }

    @Override
    public synchronized Map<SlotPlace, String> heldPlaces(String council, Instant now) {
        Map<SlotPlace, String> held = new HashMap<>();
        holds.values().stream().filter(hold -> hold.council().equals(council) && hold.place() != null && keeps(hold, now))
                .forEach(hold -> held.put(hold.place(), hold.client()));
        return held;
    }

    @Override
    public synchronized long activeCount() {
        return holds.values().stream().filter(hold -> hold.state() == HoldState.ACTIVE).count();
    }

    private static boolean keeps(HoldRecord hold, Instant now) {
        return hold.state().keepsSlot() && hold.expiresAt().isAfter(now);
    }

    private void forgetOld() {
        Instant cutoff = clock.instant().minus(KEEP_ENDED);
        holds.values().removeIf(hold -> !hold.state().keepsSlot()
                && hold.expiresAt().isBefore(cutoff) && !releases.containsKey(hold.id()));
    }
}
