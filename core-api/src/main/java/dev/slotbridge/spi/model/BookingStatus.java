package dev.slotbridge.spi.model;

/** Where a booking stands at the scheduler. */
public enum BookingStatus {
    /** Booked into a slot and not yet done. */
    BOOKED,
    CANCELLED,
    COMPLETED,
    /** The scheduler reports a state that maps to none of the above. */
    UNKNOWN
}
