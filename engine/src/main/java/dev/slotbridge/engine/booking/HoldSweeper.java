package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.council.CouncilRegistry;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.time.Clock;

/**
 * Ends holds whose time is up, every second: each expired hold is moved to {@code EXPIRED} by one compare-and-set,
 * so with several replicas exactly one releases it at the scheduler; and retries the releases at the scheduler that
 * failed (or whose replica died) once they are due again. While the store is down it waits.
 */
@Singleton
public final class HoldSweeper {
    private static final int BATCH = 100;

    private final HoldStore store;
    private final HoldService holds;
    private final CouncilRegistry councils;
    private final Clock clock;

    HoldSweeper(HoldStore store, HoldService holds, CouncilRegistry councils, Clock clock) {
        this.store = store;
        this.holds = holds;
        this.councils = councils;
        this.clock = clock;
    }

    /** One sweep; tests call it after moving the clock. */
    @Scheduled(fixedDelay = "${slotbridge.holds.sweep-interval:1s}",
            initialDelay = "${slotbridge.holds.sweep-interval:1s}")
    public void sweep() {
        try {
            for (HoldRecord hold : store.expired(clock.instant(), BATCH)) {
                councils.find(hold.council()).ifPresent(council -> holds.expire(council, hold));
            }
            for (HoldRecord hold : store.releasesDue(clock.instant(), clock.instant().plus(HoldService.RELEASE_RETRY), BATCH)) {
                councils.find(hold.council()).ifPresent(council -> holds.releaseAtScheduler(council, hold));
            }
        } catch (StoreUnavailableException e) {
            // the next sweep tries again
        }
    }
}
