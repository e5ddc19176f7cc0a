package dev.slotbridge.engine.store;

import java.time.Duration;

/**
 * Waiting for another replica to finish with a key, by asking Redis again after 10, 20, 40 … 200 ms, for at most a
 * given time (measured in elapsed time, not by the clock).
 */
public final class PollingWait {
    private static final long FIRST_PAUSE_MILLIS = 10;
    private static final long LONGEST_PAUSE_MILLIS = 200;

    private final long deadline;
    private long pauseMillis = FIRST_PAUSE_MILLIS;

    public PollingWait(Duration longest) {
        this.deadline = System.nanoTime() + longest.toNanos();
    }

    /** Pauses before the next try; false, without pausing, once the wait is over. */
    public boolean pause() {
        if (System.nanoTime() >= deadline) {
            return false;
        }
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another replica", e);
        }
        pauseMillis = Math.min(pauseMillis * 2, LONGEST_PAUSE_MILLIS);
        return true;
    }
}
