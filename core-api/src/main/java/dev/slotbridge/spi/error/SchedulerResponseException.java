package dev.slotbridge.spi.error;

/** The scheduler answered something unreadable or unexpected (502 {@code scheduler-error}). */
public final class SchedulerResponseException extends ProviderException {
    public SchedulerResponseException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.UNREADABLE;
    }
}
