package dev.slotbridge.spi.error;

/**
 * The only exceptions a {@link dev.slotbridge.spi.SchedulerProvider} may throw from an operation. Each subtype has
 * one HTTP meaning in the server, and one {@link ErrorKind} that says what it establishes about the scheduler's state.
 * A provider translates its vendor's errors at the edge into one of these.
 *
 * <p>Messages are written to logs. They must never contain credentials, tokens, session ids, tenants' phone numbers
 * or e-mail addresses, nor a raw backend payload.
 */
public abstract sealed class ProviderException extends RuntimeException
        permits SlotUnavailableException, BookingNotActiveException, BookingNotFoundException,
        RejectedBySchedulerException, CapabilityNotSupportedException, SchedulerUnavailableException,
        SchedulerTimeoutException, SchedulerResponseException, SchedulerCredentialsRejectedException,
        InvalidRequestException, WriteOutcomeUnknownException {

    protected ProviderException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What this failure establishes about the scheduler's state. */
    public abstract ErrorKind kind();
}
