package dev.slotbridge.server.resilience;

import dev.slotbridge.spi.error.BookingNotActiveException;
import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.CapabilityNotSupportedException;
import dev.slotbridge.spi.error.InvalidRequestException;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SlotUnavailableException;

import java.util.Locale;

/**
 * The {@code outcome} tag of one scheduler call: a small fixed set, never anything from the request. Anything that is
 * not a business answer (a scheduler failure, or a provider bug) is {@code error}.
 */
enum CallOutcome {
    SUCCESS, SLOT_UNAVAILABLE, REJECTED, NOT_FOUND, NOT_ACTIVE, NOT_SUPPORTED, INVALID_REQUEST,
    ERROR, CREDENTIALS_REJECTED, UNREADABLE, TIMEOUT, CIRCUIT_OPEN, BULKHEAD_FULL;

    String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Failures count against the circuit breaker and are logged as warnings; business answers are not failures. */
    boolean isFailure() {
        return this == ERROR || this == CREDENTIALS_REJECTED || this == UNREADABLE || this == TIMEOUT;
    }

    static CallOutcome of(Throwable failure) {
        return switch (failure) {
            case SlotUnavailableException e -> SLOT_UNAVAILABLE;
            case RejectedBySchedulerException e -> REJECTED;
            case BookingNotFoundException e -> NOT_FOUND;
            case BookingNotActiveException e -> NOT_ACTIVE;
            case CapabilityNotSupportedException e -> NOT_SUPPORTED;
            case InvalidRequestException e -> INVALID_REQUEST;
            case SchedulerTimeoutException e -> TIMEOUT;
            case SchedulerResponseException e -> UNREADABLE;
            case SchedulerCredentialsRejectedException e -> CREDENTIALS_REJECTED;
            default -> ERROR;
        };
    }
}
