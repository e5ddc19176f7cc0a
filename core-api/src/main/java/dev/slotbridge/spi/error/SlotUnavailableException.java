package dev.slotbridge.spi.error;

/**
 * The slot is taken or no longer offered (409 {@code slot-unavailable}). Throw it only after checking that the slot
 * is really gone (search it again): never by matching the scheduler's message text alone.
 */
public final class SlotUnavailableException extends ProviderException {
    public SlotUnavailableException(String message) {
        super(message, null);
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.REFUSED;
    }
}
