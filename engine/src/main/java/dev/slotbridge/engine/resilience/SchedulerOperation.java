package dev.slotbridge.engine.resilience;

import java.util.Locale;

/**
 * A call to a scheduler, as metrics and logs name it. Those safe to repeat whatever became of an earlier attempt — reads,
 * and reconciling a booking (which the SPI requires to be safe to repeat, though it may finish or undo a half-made
 * booking) — are retried on any scheduler failure; writes only when the request was never sent.
 */
public enum SchedulerOperation {
    SEARCH(true), VIEW(true), LIST(true), FIND_BY_REFERENCE(true),
    BOOK(false), RECONCILE_BOOKING(true), RESCHEDULE(false), CANCEL(false),
    HOLD(false), CONFIRM_HOLD(false), RELEASE_HOLD(true);

    private final boolean safeToRepeat;
    private final String tag;

    SchedulerOperation(boolean safeToRepeat) {
        this.safeToRepeat = safeToRepeat;
        this.tag = name().toLowerCase(Locale.ROOT);
    }

    public boolean isSafeToRepeat() {
        return safeToRepeat;
    }

    /** The metric tag and log value, e.g. {@code reconcile_booking}. */
    public String tag() {
        return tag;
    }
}
