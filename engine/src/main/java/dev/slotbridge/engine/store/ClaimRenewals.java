package dev.slotbridge.engine.store;

import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keeps this replica's claims alive while it works on them: each claim is renewed every third of the claim lease, so a
 * replica that dies frees its claims within one lease, and one that lives never loses a claim to a slow scheduler.
 * A renewal that fails (Redis down) is simply not made: the claim then lapses and the next taker asks the scheduler.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
public final class ClaimRenewals implements AutoCloseable {
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("slotbridge-claim-renewals").daemon().factory());
    private final Duration period;

    public ClaimRenewals(StoreProperties properties) {
        this.period = properties.claimLease().dividedBy(3);
    }

    /** Renews a claim until the returned handle is closed. */
    public Renewal keep(Runnable renew) {
        ScheduledFuture<?> task = scheduler.scheduleAtFixedRate(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                // the claim lapses after its lease; the next taker asks the scheduler first
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    @PreDestroy
    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** Stops renewing one claim. */
    @FunctionalInterface
    public interface Renewal extends AutoCloseable {
        @Override
        void close();
    }
}
