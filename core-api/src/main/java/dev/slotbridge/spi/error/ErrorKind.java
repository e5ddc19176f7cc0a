package dev.slotbridge.spi.error;

/**
 * What a {@link ProviderException} establishes about the scheduler's state. The provider decides it where it knows
 * (the transport knows whether a request left; the provider knows whether its write was accepted), and the server
 * derives everything else from it: whether to retry, whether the circuit breaker counts a failure, whether a write
 * must be reconciled before answering, and which family of HTTP status the caller gets.
 */
public enum ErrorKind {
    /** The request cannot be served as asked (bad input for this scheduler, an unsupported operation): nothing was sent. */
    CALLER_ERROR,
    /** The scheduler answered a definite "no" on business grounds (slot taken, refused, not active, no such booking): nothing changed. */
    REFUSED,
    /** The scheduler refused the council's credentials: nothing changed, and trying again cannot help until an operator acts. */
    CREDENTIALS_REJECTED,
    /** The call failed before the request reached the scheduler (connection refused, unknown host): nothing changed, sending again is safe. */
    NOT_SENT,
    /**
     * The call failed after the request was sent (no answer in time, connection lost, an HTTP 5xx, or any failure after
     * the scheduler accepted a write): a write may have been applied, so its outcome must be established, never assumed.
     */
    OUTCOME_UNKNOWN,
    /** The scheduler answered, but with something unreadable: like {@link #OUTCOME_UNKNOWN}, a write may have been applied. */
    UNREADABLE;

    /** Whether a write failing so may nevertheless have changed the scheduler's state. */
    public boolean mayHaveApplied() {
        return switch (this) {
            case OUTCOME_UNKNOWN, UNREADABLE -> true;
            case CALLER_ERROR, REFUSED, CREDENTIALS_REJECTED, NOT_SENT -> false;
        };
    }

    /** Whether this is the scheduler failing (counted by the circuit breaker) rather than an answer about the request. */
    public boolean isSchedulerFailure() {
        return switch (this) {
            case CREDENTIALS_REJECTED, NOT_SENT, OUTCOME_UNKNOWN, UNREADABLE -> true;
            case CALLER_ERROR, REFUSED -> false;
        };
    }
}
