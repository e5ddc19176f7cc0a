package dev.slotbridge.server.resilience;

import java.util.Locale;

/** A call to a scheduler, as metrics and logs name it. Reads may be retried; writes only when never sent. */
public enum SchedulerOperation {
    SEARCH(true), VIEW(true), LIST(true), FIND_BY_EXTERNAL_REF(true),
    BOOK(false), RESCHEDULE(false), CANCEL(false);

    private final boolean read;
    private final String tag;

    SchedulerOperation(boolean read) {
        this.read = read;
        this.tag = name().toLowerCase(Locale.ROOT);
    }

    public boolean isRead() {
        return read;
    }

    /** The metric tag and log value, e.g. {@code find_by_external_ref}. */
    public String tag() {
        return tag;
    }
}
