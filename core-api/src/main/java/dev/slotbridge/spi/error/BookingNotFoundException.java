package dev.slotbridge.spi.error;

/** The scheduler holds no such booking (404 {@code booking-not-found}). */
public final class BookingNotFoundException extends ProviderException {
    public BookingNotFoundException(String message) {
        super(message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
