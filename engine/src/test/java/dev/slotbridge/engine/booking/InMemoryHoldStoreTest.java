package dev.slotbridge.engine.booking;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract in this process, and its bounds on the ended holds it keeps. */
final class InMemoryHoldStoreTest extends HoldStoreContract {
    @Override
    protected HoldStore createStore() {
        return new InMemoryHoldStore(clock);
    }

    @Test
    void atMostMaxEndedHoldsAreKeptTheLongestEndedForgottenFirstButNeverOneStillToRelease() {
        HoldRecord releasing = heldByScheduler("releasing");
        store.create(releasing);
        store.end(releasing, HoldState.EXPIRED, clock.instant());
        for (int i = 0; i < InMemoryHoldStore.MAX_ENDED; i++) {
            HoldRecord hold = hold("h" + i);
            store.create(hold);
            store.end(hold, HoldState.RELEASED, clock.instant());
        }

        store.create(hold("new"));

        assertThat(((InMemoryHoldStore) store).endedCount()).isEqualTo(InMemoryHoldStore.MAX_ENDED);
        assertThat(store.find("h0")).as("the longest ended").isEmpty();
        assertThat(store.find("h1")).isPresent();
        assertThat(store.find("releasing")).as("its release is still due").isPresent();
        assertThat(store.releasesDue(clock.instant(), clock.instant().plusSeconds(60), 10)).extracting(HoldRecord::id)
                .containsExactly("releasing");
    }

    @Test
    void anEndedHoldIsForgottenADayAfterItExpired() {
        HoldRecord ended = hold("ended");
        store.create(ended);
        store.end(ended, HoldState.RELEASED, clock.instant());
        clock.advance(HOLD_FOR.plus(Duration.ofDays(1)));
        store.create(hold("kept"));
        assertThat(store.find("ended")).as("exactly a day after it expired").isPresent();

        clock.advance(Duration.ofMillis(1));
        store.create(hold("next"));

        assertThat(store.find("ended")).isEmpty();
        assertThat(store.find("kept")).isPresent();
    }
}
