package dev.slotbridge.spi.error;

/**
 * The scheduler did not answer in time (504 {@code scheduler-timeout}). For a write, the outcome is unknown: the
 * request may have been applied.
 */
public final class SchedulerTimeoutException extends ProviderException {
    public SchedulerTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.OUTCOME_UNKNOWN;
    }
}
