package dev.slotbridge.spi.error;

/**
 * The scheduler refused the credentials configured for the council (an HTTP 401, a rejected access token, a failed
 * login): 502 {@code scheduler-error} saying so, never retried. The message must not contain the credential.
 */
public final class SchedulerCredentialsRejectedException extends ProviderException {
    public SchedulerCredentialsRejectedException(String message) {
        super(message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CREDENTIALS_REJECTED;
    }
}
