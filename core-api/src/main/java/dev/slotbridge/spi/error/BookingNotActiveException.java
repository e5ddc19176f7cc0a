package dev.slotbridge.spi.error;

/** The booking is cancelled or completed, so it cannot be rescheduled (409 {@code booking-not-active}). */
public final class BookingNotActiveException extends ProviderException {
    public BookingNotActiveException(String message) {
        super(message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
