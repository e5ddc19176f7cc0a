package dev.slotbridge.engine.events;

import java.util.Arrays;
import java.util.Optional;

/** The booking events a client may subscribe to; {@link #subscription()} is how configuration names them. */
public enum EventType {
    /** A booking was made through Slotbridge: sent to its maker. */
    CREATED("booking.created"),
    /** A booking was moved (through Slotbridge, or inside the scheduler): sent to its maker. */
    RESCHEDULED("booking.rescheduled"),
    /** A booking was cancelled (through Slotbridge, or inside the scheduler): sent to its maker. */
    CANCELLED("booking.cancelled"),
    /**
     * Any change to a booking the client may see but did not make ({@code manage-all} at its council): made by another
     * client or inside the scheduler (including bookings not made through Slotbridge); without personal data.
     */
    CHANGED("booking.changed");

    private final String subscription;

    EventType(String subscription) {
        this.subscription = subscription;
    }

    public String subscription() {
        return subscription;
    }

    /** The CloudEvents {@code type}: {@code dev.slotbridge.booking.created}, ... */
    public String cloudEventType() {
        return "dev.slotbridge." + subscription;
    }

    public static Optional<EventType> ofSubscription(String name) {
        return Arrays.stream(values()).filter(type -> type.subscription.equals(name)).findFirst();
    }
}
