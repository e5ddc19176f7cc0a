package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.store.Race;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link HoldStore} does, run against the in-memory store and a real Redis: holds found as stored, every
 * state change a compare-and-set with one winner, releases at the scheduler queued with the ending and claimed by one
 * caller at a time, an exclusive hold keeping its place, and a client's limits counted in one step.
 */
public abstract class HoldStoreContract {
    protected static final Duration HOLD_FOR = Duration.ofMinutes(15);

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected HoldStore store;

    /** A new, empty store reading time from {@link #clock}. */
    protected abstract HoldStore createStore();

    @BeforeEach
    final void createStoreForTest() {
        store = createStore();
    }

    /**
     * A new active hold of the client for the property, for 15 minutes from now, in the slot of 10:00–12:00 on the
     * {@code day}th day after 10 March (so holds on the same day keep the same place).
     */
    protected HoldRecord hold(String id, String client, String property, int day, Map<String, String> holdKey) {
        Instant start = Instant.parse("2026-03-10T10:00:00Z").plus(Duration.ofDays(day));
        return new HoldRecord(id, "council", client, Map.of("slot", start.toString(), "job", id),
                new SlotPlace(start, start.plus(Duration.ofHours(2))), holdKey, "job-" + id, property,
                LocalDate.ofInstant(start, ZoneOffset.UTC), clock.instant().plus(HOLD_FOR), HoldState.ACTIVE);
    }

    protected HoldRecord hold(String id) {
        return hold(id, "portal", "property-" + id, 0, null);
    }

    protected HoldRecord heldByScheduler(String id) {
        return hold(id, "portal", "property-" + id, 0, Map.of("holdId", "H-" + id));
    }

    private static HoldRecord inAnotherCouncil(HoldRecord hold) {
        return new HoldRecord(hold.id() + "-elsewhere", "elsewhere", hold.client(), hold.slot(), hold.place(),
                hold.holdKey(), hold.job(), hold.propertyRef(), hold.day(), hold.expiresAt(), hold.state());
    }

    @Test
    void aHoldIsFoundAsStoredAndCountsAsActiveUntilItEnds() {
        HoldRecord hold = heldByScheduler("a");
        store.create(hold);
        store.create(hold("b"));

        assertThat(store.find("a")).contains(hold);
        assertThat(store.find("unknown")).isEmpty();
        assertThat(store.activeCount()).isEqualTo(2);

        assertThat(store.end(hold, HoldState.RELEASED, clock.instant())).isTrue();
        assertThat(store.find("a")).contains(hold.withState(HoldState.RELEASED));
        assertThat(store.activeCount()).isEqualTo(1);
    }

    @Test
    void aStateChangeRacedByManyHasExactlyOneWinner() {
        HoldRecord hold = hold("a");
        store.create(hold);

        List<Boolean> won = Race.run(8, racer -> store.transition(hold, HoldState.ACTIVE, HoldState.CONFIRMING));

        assertThat(won).containsOnlyOnce(true);
        assertThat(store.find("a")).map(HoldRecord::state).contains(HoldState.CONFIRMING);
        assertThat(store.transition(hold, HoldState.ACTIVE, HoldState.CONFIRMED)).as("no longer ACTIVE").isFalse();
        assertThat(store.transition(hold, HoldState.CONFIRMING, HoldState.CONFIRMED)).isTrue();
    }

    @Test
    void anEndingRacedByManyHasExactlyOneWinnerAndQueuesOneRelease() {
        HoldRecord hold = heldByScheduler("a");
        store.create(hold);

        List<Boolean> won = Race.run(8, racer -> store.end(hold, racer % 2 == 0 ? HoldState.RELEASED : HoldState.EXPIRED,
                clock.instant()));

        assertThat(won).containsOnlyOnce(true);
        assertThat(store.releasesDue(clock.instant(), clock.instant().plusSeconds(60), 10)).extracting(HoldRecord::id)
                .containsExactly("a");
    }

    @Test
    void aReleaseAtTheSchedulerIsDueUntilDoneEachTimeClaimedUntilItsRetry() {
        HoldRecord hold = heldByScheduler("a");
        store.create(hold);
        Instant now = clock.instant();
        store.end(hold, HoldState.EXPIRED, now);

        assertThat(store.releasesDue(now, now.plusSeconds(60), 10)).containsExactly(hold.withState(HoldState.EXPIRED));
        assertThat(store.releasesDue(now.plusSeconds(59), now.plusSeconds(120), 10)).as("claimed until its retry").isEmpty();
        assertThat(store.releasesDue(now.plusSeconds(60), now.plusSeconds(120), 10)).as("due again: the release failed")
                .extracting(HoldRecord::id).containsExactly("a");

        store.releasedAtScheduler(hold);
        assertThat(store.releasesDue(now.plusSeconds(300), now.plusSeconds(360), 10)).isEmpty();
    }

    @Test
    void racingSweepersClaimEachDueReleaseOnce() {
        for (String id : List.of("a", "b", "c")) {
            HoldRecord hold = heldByScheduler(id);
            store.create(hold);
            store.end(hold, HoldState.EXPIRED, clock.instant());
        }

        List<List<HoldRecord>> claimed = Race.run(6,
                racer -> store.releasesDue(clock.instant(), clock.instant().plusSeconds(60), 10));

        assertThat(claimed.stream().flatMap(List::stream).map(HoldRecord::id)).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aHoldSlotbridgeKeepsItselfNeedsNoReleaseAtTheScheduler() {
        HoldRecord hold = hold("a");
        store.create(hold);

        assertThat(store.end(hold, HoldState.RELEASED, clock.instant())).isTrue();
        assertThat(store.end(hold, HoldState.EXPIRED, clock.instant())).as("already ended").isFalse();
        assertThat(store.releasesDue(clock.instant(), clock.instant().plusSeconds(60), 10)).isEmpty();
    }

    @Test
    void expiredListsActiveHoldsWhoseTimeIsUpAtMostMax() {
        store.create(hold("a"));
        clock.advance(Duration.ofMinutes(1));
        store.create(hold("b"));
        HoldRecord confirming = hold("c");
        store.create(confirming);
        store.transition(confirming, HoldState.ACTIVE, HoldState.CONFIRMING);
        clock.advance(Duration.ofMinutes(10));
        store.create(hold("later"));

        Instant past = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(store.expired(past, 10)).extracting(HoldRecord::id).containsExactlyInAnyOrder("a", "b");
        assertThat(store.expired(past, 1)).hasSize(1);
        assertThat(store.expired(clock.instant(), 10)).as("none is up yet").isEmpty();
    }

    @Test
    void anExclusiveHoldKeepsItsPlaceFromEveryOtherUntilItEndsOrExpires() {
        HoldRecord first = hold("a", "portal", "p1", 0, null);
        HoldRecord samePlace = hold("b", "other", "p2", 0, null);
        assertThat(store.createExclusive(first, clock.instant())).isTrue();

        assertThat(store.createExclusive(samePlace, clock.instant())).isFalse();
        assertThat(store.find("b")).as("nothing stored").isEmpty();
        assertThat(store.createExclusive(hold("c", "other", "p2", 1, null), clock.instant())).as("another place").isTrue();
        assertThat(store.createExclusive(inAnotherCouncil(samePlace), clock.instant())).as("another council").isTrue();
        assertThat(store.heldPlaces("council", clock.instant())).containsEntry(first.place(), "portal").hasSize(2);

        store.end(first, HoldState.RELEASED, clock.instant());
        assertThat(store.heldPlaces("council", clock.instant())).doesNotContainKey(first.place());
        assertThat(store.createExclusive(samePlace, clock.instant())).as("the first was released").isTrue();
        assertThat(store.heldPlaces("council", clock.instant())).containsEntry(first.place(), "other");

        clock.advance(HOLD_FOR);
        assertThat(store.heldPlaces("council", clock.instant())).as("every hold's time is up").isEmpty();
        assertThat(store.createExclusive(hold("d", "third", "p3", 0, null), clock.instant()))
                .as("the second expired, though not yet swept").isTrue();
    }

    @Test
    void racingExclusiveHoldsOfOnePlaceHaveExactlyOneWinner() {
        List<Boolean> won = Race.run(8, racer -> store.createExclusive(hold("r" + racer, "client-" + racer,
                "p" + racer, 0, null), clock.instant()));

        assertThat(won).containsOnlyOnce(true);
        assertThat(store.heldPlaces("council", clock.instant())).hasSize(1);
    }

    @Test
    void aClientsHoldsAreBoundedPerPropertyAndInAllUntilOneIsWithdrawnEndsOrExpires() {
        HoldLimits limits = new HoldLimits(1, 2, 100);
        HoldRecord a = hold("a", "portal", "p1", 0, null);
        assertThat(store.admit(a, limits, Set.of(), clock.instant())).isEqualTo(HoldLimits.Admission.ADMITTED);
        store.create(a);
        clock.advance(Duration.ofMinutes(1));

        HoldRecord b = hold("b", "portal", "p1", 1, null);
        assertThat(store.admit(b, limits, Set.of(), clock.instant()))
                .isEqualTo(new HoldLimits.Admission(HoldLimits.Bound.PER_PROPERTY, a.expiresAt()));
        HoldRecord c = hold("c", "portal", "p2", 0, null);
        assertThat(store.admit(c, limits, Set.of(), clock.instant())).as("admitted, not yet made")
                .isEqualTo(HoldLimits.Admission.ADMITTED);
        HoldRecord d = hold("d", "portal", "p3", 0, null);
        assertThat(store.admit(d, limits, Set.of(), clock.instant()))
                .isEqualTo(new HoldLimits.Admission(HoldLimits.Bound.PER_CLIENT, a.expiresAt()));
        assertThat(store.admit(hold("e", "other", "p1", 0, null), limits, Set.of(), clock.instant()))
                .as("another client's holds are its own").isEqualTo(HoldLimits.Admission.ADMITTED);

        store.withdraw(c);
        assertThat(store.admit(d, limits, Set.of(), clock.instant())).isEqualTo(HoldLimits.Admission.ADMITTED);
        store.create(d);

        store.end(a, HoldState.RELEASED, clock.instant());
        assertThat(store.admit(b, limits, Set.of(), clock.instant())).as("a ended").isEqualTo(HoldLimits.Admission.ADMITTED);

        clock.advance(HOLD_FOR);
        HoldRecord f = hold("f", "portal", "p1", 2, null);
        assertThat(store.admit(f, limits, Set.of(), clock.instant())).as("b and d expired, though not swept")
                .isEqualTo(HoldLimits.Admission.ADMITTED);
    }

    @Test
    void aClientHoldsAtMostItsShareOfADaysPlaces() {
        HoldLimits half = new HoldLimits(100, 100, 50);
        HoldRecord a = hold("a", "portal", "p1", 0, null);
        Set<SlotPlace> offered = Set.of(a.place(), later(a.place()));
        assertThat(store.admit(a, half, offered, clock.instant())).as("1 of 2 places").isEqualTo(HoldLimits.Admission.ADMITTED);
        store.create(a);

        assertThat(store.admit(hold("b", "portal", "p2", 0, null), half, Set.of(later(a.place())), clock.instant()))
                .as("2 of 2 places: the held one counts though no longer offered")
                .isEqualTo(new HoldLimits.Admission(HoldLimits.Bound.SHARE, a.expiresAt()));
        HoldRecord nextDay = hold("c", "portal", "p3", 1, null);
        assertThat(store.admit(nextDay, half, Set.of(nextDay.place(), later(nextDay.place())), clock.instant()))
                .as("1 of 2 places on another day").isEqualTo(HoldLimits.Admission.ADMITTED);
    }

    private static SlotPlace later(SlotPlace place) {
        return new SlotPlace(place.end(), place.end().plus(Duration.ofHours(2)));
    }

    @Test
    void racingAdmissionsOfOneClientNeverPassItsBound() {
        HoldLimits three = new HoldLimits(100, 3, 100);

        List<HoldLimits.Admission> admissions = Race.run(8, racer -> store.admit(hold("r" + racer, "portal",
                "p" + racer, racer, null), three, Set.of(), clock.instant()));

        assertThat(admissions).filteredOn(admission -> admission.exceeded() == null).hasSize(3);
        assertThat(admissions).filteredOn(admission -> admission.exceeded() == HoldLimits.Bound.PER_CLIENT).hasSize(5);
    }
}
