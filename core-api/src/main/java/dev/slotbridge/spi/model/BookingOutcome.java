package dev.slotbridge.spi.model;

import java.util.Objects;

/**
 * What the scheduler holds for a booking request whose outcome was unknown (see
 * {@link dev.slotbridge.spi.SchedulerProvider#reconcileBooking}). Established from the scheduler's own state, never
 * assumed.
 */
public sealed interface BookingOutcome {

    /**
     * The job is booked in the requested slot (same start and end).
     *
     * @param booking  the booking as the scheduler holds it
     * @param finished what this check did to complete a half-made booking ("scheduled order 290640 into the slot"),
     *                 or null when the booking was already complete
     */
    record Booked(Booking booking, String finished) implements BookingOutcome {
        public Booked {
            Objects.requireNonNull(booking, "booking is null");
        }
    }

    /**
     * The job is not booked and nothing the request made is left at the scheduler.
     *
     * @param undone what this check removed ("deleted unscheduled order 290640"), or null when nothing was left
     */
    record NotBooked(String undone) implements BookingOutcome {
    }

    /** The scheduler cannot tell (it cannot look bookings up, or did not answer). */
    record Unknown(String reason) implements BookingOutcome {
        public Unknown {
            Objects.requireNonNull(reason, "reason is null");
        }
    }
}
