package dev.slotbridge.engine.error;

import dev.slotbridge.spi.error.ProviderException;

import java.util.Locale;

/**
 * The {@code outcome} tag of one scheduler call: a small fixed set, never anything from the request. A provider
 * failure's outcome is the {@link ErrorTable}'s; anything else that fails a call (a provider bug) is {@link #ERROR}.
 */
public enum CallOutcome {
    SUCCESS, SLOT_UNAVAILABLE, REJECTED, NOT_FOUND, NOT_ACTIVE, NOT_SUPPORTED, INVALID_REQUEST,
    ERROR, CREDENTIALS_REJECTED, UNREADABLE, TIMEOUT, CIRCUIT_OPEN, COUNCIL_BUSY;

    private final String tag = name().toLowerCase(Locale.ROOT);

    public String tag() {
        return tag;
    }

    /** The outcome of a call that failed with {@code failure}. */
    public static CallOutcome of(RuntimeException failure) {
        return failure instanceof ProviderException provider
                ? ErrorTable.of(provider).outcome() : ERROR;
    }
}
