package dev.slotbridge.spi.error;

/**
 * The scheduler accepted a write, or may have, and a later step failed, so whether the write took effect as asked is
 * not established (e.g. Connect accepted {@code POST booking} but reading the visit back failed). Never report such a
 * failure as a refusal: the server reconciles before it answers, and answers 504 {@code scheduler-timeout} saying the
 * outcome is unknown only when the scheduler cannot tell.
 */
public final class WriteOutcomeUnknownException extends ProviderException {
    public WriteOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.OUTCOME_UNKNOWN;
    }
}
