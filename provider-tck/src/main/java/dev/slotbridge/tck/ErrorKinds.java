package dev.slotbridge.tck;

import dev.slotbridge.spi.error.ErrorKind;
import dev.slotbridge.spi.error.ProviderException;

/** For provider tests: what a failing operation's error establishes. */
public final class ErrorKinds {
    private ErrorKinds() {
    }

    /**
     * The {@link ErrorKind} of the {@link ProviderException} the call throws.
     *
     * @throws AssertionError when the call does not fail
     */
    public static ErrorKind of(Runnable call) {
        try {
            call.run();
        } catch (ProviderException e) {
            return e.kind();
        }
        throw new AssertionError("the call did not fail");
    }
}
