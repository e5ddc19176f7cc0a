package dev.slotbridge.spi.support;

import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule for what a provider does after the scheduler accepted a write: every later step (reading the result back,
 * a follow-up call) that fails, or finds nothing, leaves the outcome unknown. It is never a refusal, which would tell
 * the server that nothing was written and let a retry write again.
 */
public final class AcceptedWrite {
    private AcceptedWrite() {
    }

    /**
     * Reads back what the scheduler accepted.
     *
     * @param what names the write for messages ("Connect booking of order 123")
     * @throws WriteOutcomeUnknownException when the read fails or finds nothing
     */
    public static <T> T readBack(String what, Supplier<Optional<T>> read) {
        Optional<T> found;
        try {
            found = read.get();
        } catch (WriteOutcomeUnknownException e) {
            throw e;
        } catch (ProviderException e) {
            throw new WriteOutcomeUnknownException(what + " was accepted, but reading it back failed ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return found.orElseThrow(() -> new WriteOutcomeUnknownException(
                what + " was accepted, but the scheduler does not show it yet", null));
    }
}
