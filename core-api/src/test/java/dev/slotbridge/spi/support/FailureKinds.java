package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.ProviderException;

/** The {@link ErrorKind} a transport call failed with, for the transport's tests. */
final class FailureKinds {
    private FailureKinds() {
    }

    /** The kind of the {@link ProviderException} the call throws; an assertion error when it does not fail. */
    static ErrorKind kindOf(Runnable call) {
        try {
            call.run();
        } catch (ProviderException e) {
            return e.kind();
        }
        throw new AssertionError("the call did not fail");
    }
}
