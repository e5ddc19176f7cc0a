package dev.slotbridge.spi.error;

/**
 * The scheduler refused the request on business grounds (422 {@code rejected-by-scheduler}). The message is the
 * scheduler's own explanation and is shown to the caller, so it must carry nothing secret or personal.
 */
public final class RejectedBySchedulerException extends ProviderException {
    public RejectedBySchedulerException(String schedulerMessage) {
        super(schedulerMessage, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
