package dev.slotbridge.spi.error;

/**
 * The scheduler failed: connection refused or reset, an HTTP 5xx, a SOAP fault (502 {@code scheduler-error}).
 *
 * <p>{@link #requestNotSent()} is true only when the failure certainly happened before the request reached the
 * scheduler (e.g. connection refused): then even a booking may safely be sent again.
 */
public final class SchedulerUnavailableException extends ProviderException {
    private final boolean requestNotSent;

    public SchedulerUnavailableException(String message, boolean requestNotSent, Throwable cause) {
        super(message, cause);
        this.requestNotSent = requestNotSent;
    }

    public boolean requestNotSent() {
        return requestNotSent;
    }

    @Override
    public ErrorKind kind() {
        return requestNotSent ? ErrorKind.NOT_SENT : ErrorKind.OUTCOME_UNKNOWN;
    }
}
