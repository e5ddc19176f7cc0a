package dev.slotbridge.engine.booking;

/** Where a hold is in its life. Only {@link #ACTIVE} keeps a slot; every change is a compare-and-set in the store. */
public enum HoldState {
    /** Keeping the slot until it expires. */
    ACTIVE,
    /** Being booked: the booking request is in flight. */
    CONFIRMING,
    /** Booked. */
    CONFIRMED,
    /** Given up by its client. */
    RELEASED,
    /** Ended by the sweeper. */
    EXPIRED;

    /** Whether a hold in this state still keeps its slot (until it expires), and counts against its client's limits. */
    public boolean keepsSlot() {
        return this == ACTIVE || this == CONFIRMING;
    }
}
