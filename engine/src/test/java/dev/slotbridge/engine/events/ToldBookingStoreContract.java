package dev.slotbridge.engine.events;

import dev.slotbridge.engine.store.Race;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every {@link ToldBookingStore} does, in this process and on a real Redis: a booking's state told again keeps
 * the change id it was first told with, a new state gets the new id, every replica telling the same change at once
 * gets one id, and what was told is forgotten after the time it was kept for.
 */
public abstract class ToldBookingStoreContract {
    private static final Duration KEEP = Duration.ofDays(90);

    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected ToldBookingStore store;

    /** A new, empty store reading time from {@link #clock}. */
    protected abstract ToldBookingStore createStore();

    /** Time passes for the store: the clock moves (a store keeping time by its own clock moves that too). */
    protected void elapse(Duration time) {
        clock.advance(time);
    }

    @BeforeEach
    final void createStoreForTest() {
        store = createStore();
    }

    @Test
    void aStateToldAgainKeepsItsFirstChangeIdAndANewStateGetsItsOwn() {
        assertThat(store.state("council", "ref-1")).isEmpty();

        assertThat(store.tell("council", "ref-1", "BOOKED", "change-1", KEEP)).isEqualTo("change-1");
        assertThat(store.tell("council", "ref-1", "BOOKED", "change-2", KEEP)).as("told already").isEqualTo("change-1");
        assertThat(store.state("council", "ref-1")).contains("BOOKED");

        assertThat(store.tell("council", "ref-1", "CANCELLED", "change-3", KEEP)).isEqualTo("change-3");
        assertThat(store.state("council", "ref-1")).contains("CANCELLED");
        assertThat(store.tell("council", "ref-1", "BOOKED", "change-4", KEEP)).as("booked again: a new change")
                .isEqualTo("change-4");
    }

    @Test
    void eachBookingAtEachCouncilIsToldApart() {
        store.tell("council", "ref-1", "BOOKED", "change-1", KEEP);

        assertThat(store.tell("council", "ref-2", "BOOKED", "change-2", KEEP)).isEqualTo("change-2");
        assertThat(store.tell("elsewhere", "ref-1", "BOOKED", "change-3", KEEP)).isEqualTo("change-3");
        assertThat(store.state("elsewhere", "ref-2")).isEmpty();
    }

    @Test
    void theSameChangeToldAtOnceByManyGetsOneId() {
        List<String> told = Race.run(8, racer -> store.tell("council", "ref-1", "MOVED", "change-" + racer, KEEP));

        assertThat(told).hasSize(8).containsOnly(told.getFirst());
    }

    @Test
    void whatWasToldIsForgottenAfterTheTimeItIsKept() {
        store.tell("council", "ref-1", "BOOKED", "change-1", KEEP);

        elapse(KEEP.minusSeconds(1));
        assertThat(store.state("council", "ref-1")).contains("BOOKED");
        elapse(Duration.ofSeconds(1));
        assertThat(store.state("council", "ref-1")).isEmpty();
        assertThat(store.tell("council", "ref-1", "BOOKED", "change-2", KEEP)).isEqualTo("change-2");
    }
}
