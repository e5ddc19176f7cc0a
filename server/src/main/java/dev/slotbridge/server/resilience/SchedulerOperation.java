package dev.slotbridge.server.resilience;

import java.util.Locale;

/**
 * A call to a scheduler, as metrics and logs name it. Reads may be retried; writes only when never sent. Reconciling a
 * booking may write (to finish or undo a half-made booking), so it counts as a write.
 */
public enum SchedulerOperation {
    SEARCH(true), VIEW(true), LIST(true),
    BOOK(false), RECONCILE_BOOKING(false), RESCHEDULE(false), CANCEL(false);

    private final boolean read;
    private final String tag;

    SchedulerOperation(boolean read) {
        this.read = read;
        this.tag = name().toLowerCase(Locale.ROOT);
    }

    public boolean isRead() {
        return read;
    }

    /** The metric tag and log value, e.g. {@code reconcile_booking}. */
    public String tag() {
        return tag;
    }
}
