package dev.slotbridge.engine.error;

import java.time.Duration;

/**
 * The server did not call a council's scheduler, so nothing was sent: its circuit is open, or the request's deadline
 * left no time (503 {@code scheduler-unavailable}); or the council was busy — every bulkhead permit stayed in use for
 * as long as the call could wait (503 {@code council-busy}). Both with {@code Retry-After}. No stack trace: it is a
 * normal outcome.
 */
public final class CouncilUnavailableException extends RuntimeException {
    private final Duration retryAfter;
    private final boolean councilBusy;

    private CouncilUnavailableException(String message, Duration retryAfter, boolean councilBusy) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
        this.councilBusy = councilBusy;
    }

    /** The scheduler is failing (open circuit), or there was no time to call it. */
    public static CouncilUnavailableException unavailable(String message, Duration retryAfter) {
        return new CouncilUnavailableException(message, retryAfter, false);
    }

    /** Every permit of the council's bulkhead stayed in use while the call waited for one. */
    public static CouncilUnavailableException busy(String message, Duration retryAfter) {
        return new CouncilUnavailableException(message, retryAfter, true);
    }

    /** True when the council was busy (a full bulkhead), not failing. */
    public boolean councilBusy() {
        return councilBusy;
    }

    /** When trying again may succeed; whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
