package dev.slotbridge.server.shutdown;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this instance is draining, and how many requests are in flight ({@link InFlightRequestFilter} counts them).
 * Once draining, new requests are refused and readiness is DOWN, so what is in flight — above all bookings already
 * sent to a scheduler — can finish before the process stops.
 */
@Singleton
public final class ShutdownGate {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CompletableFuture<Void> idle = new CompletableFuture<>();
    private volatile boolean draining;

    /** From now on new requests are refused and readiness is DOWN. */
    public void drain() {
        draining = true;
        if (inFlight.get() == 0) {
            idle.complete(null);
        }
    }

    public boolean isDraining() {
        return draining;
    }

    void entered() {
        inFlight.incrementAndGet();
    }

    void left() {
        if (inFlight.decrementAndGet() == 0 && draining) {
            idle.complete(null);
        }
    }

    /** Waits until no request is in flight, or the grace period is over; true when none is left. */
    public boolean awaitIdle(Duration gracePeriod) throws InterruptedException {
        try {
            idle.get(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
