package dev.slotbridge.engine.metrics;

import dev.slotbridge.spi.model.BookingOutcome;

import java.util.Locale;

/** What reconciling a booking whose outcome was unknown found, as the {@code result} tag of its counter. */
public enum ReconciliationResult {
    /** Booked in the requested slot. */
    BOOKED,
    /** Booked, after the provider finished a half-made booking. */
    COMPLETED,
    /** Not booked, and nothing was left. */
    NOT_BOOKED,
    /** Not booked, after the provider removed what was half made. */
    UNDONE,
    /** The scheduler could not tell, or could not be asked. */
    UNKNOWN;

    public static ReconciliationResult of(BookingOutcome outcome) {
        return switch (outcome) {
            case BookingOutcome.Booked booked -> booked.finished() == null ? BOOKED : COMPLETED;
            case BookingOutcome.NotBooked notBooked -> notBooked.undone() == null ? NOT_BOOKED : UNDONE;
            case BookingOutcome.Unknown unknown -> UNKNOWN;
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
