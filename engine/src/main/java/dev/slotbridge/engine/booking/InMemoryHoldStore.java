package dev.slotbridge.engine.booking;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link HoldStore} in this process. Holds that have ended are kept for a day after they expire (a late release or
 * booking still gets its true answer), and at most {@value #MAX_ENDED} of them (14 MB measured), the longest ended
 * forgotten first — but never one whose release at the scheduler is still due. Active holds are bounded by their
 * clients' limits, which count them apart, from admission until they end, are withdrawn or expire.
 */
@Singleton
@Secondary
final class InMemoryHoldStore implements HoldStore {
    private static final Duration KEEP_ENDED = Duration.ofDays(1);
    static final int MAX_ENDED = 20_000;

    private final Map<String, HoldRecord> holds = new LinkedHashMap<>();
    /** The ids of the ended holds, in the order they ended. */
    private final Set<String> ended = new LinkedHashSet<>();
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
        forgetEnded();
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
        if (to.keepsSlot()) {
            ended.remove(hold.id());
        } else {
            counted.remove(hold.id());
            ended.add(hold.id());
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

    /** Forgets the ended holds past their day, then the longest ended past the bound; never one still to release. */
    private void forgetEnded() {
        Instant cutoff = clock.instant().minus(KEEP_ENDED);
        Iterator<String> oldest = ended.iterator();
        while (oldest.hasNext()) {
            String id = oldest.next();
            if (releases.containsKey(id)) {
                continue;
            }
            if (ended.size() <= MAX_ENDED && !holds.get(id).expiresAt().isBefore(cutoff)) {
                return;
            }
            oldest.remove();
            holds.remove(id);
        }
    }

    /** How many ended holds are kept. */
    synchronized int endedCount() {
        return ended.size();
    }
}
