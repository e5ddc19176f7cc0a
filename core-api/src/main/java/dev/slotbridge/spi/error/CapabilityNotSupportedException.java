package dev.slotbridge.spi.error;

import dev.slotbridge.spi.Capability;

/** The provider does not offer this operation (501 {@code capability-not-supported}). */
public final class CapabilityNotSupportedException extends ProviderException {
    private final Capability capability;

    public CapabilityNotSupportedException(Capability capability) {
        super("capability " + capability + " is not supported", null);
        this.capability = capability;
    }

    public Capability capability() {
        return capability;
    }

    @Override
    public ErrorKind kind() {
        return ErrorKind.CALLER_ERROR;
    }
}
