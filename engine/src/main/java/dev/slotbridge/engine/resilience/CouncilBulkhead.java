package dev.slotbridge.engine.resilience;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A council's bulkhead: at most N scheduler calls in flight. A call that finds it full waits for a permit in arrival
 * order (a fair semaphore) for a bounded time, so a burst queues briefly instead of failing. Permits for a provider's
 * extra concurrent requests ({@link dev.slotbridge.spi.CallPermits}) never wait, and are not taken while a call waits
 * for one: a fanned-out search neither queues behind itself nor overtakes a caller that came first.
 *
 * <p>Not resilience4j's {@code Bulkhead}: with a wait set, its {@code tryAcquirePermission} waits too, and its wait is
 * one fixed length, where a call here waits no longer than its request's deadline allows.
 */
final class CouncilBulkhead {
    private final Semaphore permits;

    /** @param maxConcurrentCalls permits in all; {@link ResilienceSettings#UNLIMITED} for a bulkhead that never fills */
    CouncilBulkhead(int maxConcurrentCalls) {
        this.permits = new Semaphore(maxConcurrentCalls, true);
    }

    /**
     * A permit if one is free now and no call is waiting for one. (A fair semaphore's untimed {@code tryAcquire}
     * would take a permit ahead of waiting calls; the timed one keeps their turn.)
     */
    boolean tryAcquireNow() {
        try {
            return permits.tryAcquire(0, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Takes a permit, waiting behind the calls that came first for at most {@code wait} (none when it is not positive).
     *
     * @return whether a permit was taken; when true, {@link #release()} must follow once
     * @throws InterruptedException when the waiting thread was interrupted (the server is stopping)
     */
    boolean acquire(Duration wait) throws InterruptedException {
        return permits.tryAcquire(Math.max(0, wait.toNanos()), TimeUnit.NANOSECONDS);
    }

    /** Gives back a permit; the longest-waiting call, if any, takes it. */
    void release() {
        permits.release();
    }

    /** Calls waiting for a permit now (an estimate, for tests and diagnostics). */
    int waiting() {
        return permits.getQueueLength();
    }
}
