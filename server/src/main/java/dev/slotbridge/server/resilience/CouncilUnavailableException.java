package dev.slotbridge.server.resilience;

import java.time.Duration;

/**
 * The server refused to call a council's scheduler: its circuit is open or its bulkhead is full
 * (503 {@code scheduler-unavailable} with {@code Retry-After}). No stack trace: it is a normal outcome.
 */
public final class CouncilUnavailableException extends RuntimeException {
    private final Duration retryAfter;

    CouncilUnavailableException(String message, Duration retryAfter) {
        super(message, null, false, false);
        this.retryAfter = retryAfter;
    }

    /** When trying again may succeed; whole seconds, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
