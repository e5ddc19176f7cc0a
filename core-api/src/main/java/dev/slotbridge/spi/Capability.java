package dev.slotbridge.spi;

/**
 * An operation a {@link SchedulerProvider} may support. A provider lists what it supports in
 * {@link SchedulerProvider#capabilities()}; the server answers 501 {@code capability-not-supported} for the rest
 * and never calls the corresponding method.
 */
public enum Capability {
    /** {@link SchedulerProvider#search}. */
    SEARCH,
    /** {@link SchedulerProvider#book}. */
    BOOK,
    /** {@link SchedulerProvider#find}. */
    VIEW,
    /** {@link SchedulerProvider#listByProperty}. */
    LIST,
    /** {@link SchedulerProvider#reschedule}. */
    RESCHEDULE,
    /** {@link SchedulerProvider#cancel}. */
    CANCEL,
    /** {@link SchedulerProvider#findByExternalRef}. */
    FIND_BY_REFERENCE,
    /**
     * {@link SchedulerProvider#hold}, {@link SchedulerProvider#confirmHold} and {@link SchedulerProvider#releaseHold}:
     * the scheduler itself keeps a slot for a job for a while. Without it the server holds slots in its own store: the API
 * serves holds at every council whose provider searches and books, either way.
     */
    HOLD
}
