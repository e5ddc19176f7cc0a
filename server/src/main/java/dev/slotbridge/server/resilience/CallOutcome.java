package dev.slotbridge.server.resilience;

import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.error.SlotUnavailableException;
import dev.slotbridge.spi.error.WriteOutcomeUnknownException;

import java.util.Locale;

/**
 * The {@code outcome} tag of one scheduler call: a small fixed set, never anything from the request. A scheduler
 * failure that is neither a timeout, an unreadable answer nor a credentials refusal, and any provider bug, is
 * {@code error}.
 */
enum CallOutcome {
    SUCCESS, SLOT_UNAVAILABLE, REJECTED, NOT_FOUND, NOT_ACTIVE, NOT_SUPPORTED, INVALID_REQUEST,
    ERROR, CREDENTIALS_REJECTED, UNREADABLE, TIMEOUT, CIRCUIT_OPEN, COUNCIL_BUSY;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The outcome of a call that failed with {@code failure}: a provider's error by its type, anything else (a bug) is {@code error}. */
    static CallOutcome of(RuntimeException failure) {
        if (!(failure instanceof ProviderException providerError)) {
            return ERROR;
        }
        return switch (providerError) {
            case SlotUnavailableException e -> SLOT_UNAVAILABLE;
            case RejectedBySchedulerException e -> REJECTED;
            case BookingNotFoundException e -> NOT_FOUND;
            case BookingNotActiveException e -> NOT_ACTIVE;
            case CapabilityNotSupportedException e -> NOT_SUPPORTED;
            case InvalidRequestException e -> INVALID_REQUEST;
            case SchedulerTimeoutException e -> TIMEOUT;
            case SchedulerResponseException e -> UNREADABLE;
            case SchedulerCredentialsRejectedException e -> CREDENTIALS_REJECTED;
            case SchedulerUnavailableException e -> ERROR;
            case WriteOutcomeUnknownException e -> ERROR;
        };
    }
}
