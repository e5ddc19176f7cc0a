package dev.slotbridge.server.events;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.ref.CouncilRefs;
import dev.slotbridge.server.security.BookingVisibility;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.SchedulerNotice;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Turns a scheduler's notice of a change made inside it into an event. The booking is found by order number (the
 * scheduler's lookup, {@code FIND_BY_REFERENCE}) and the notice's identity; its maker, if it was booked through
 * Slotbridge, gets {@code booking.rescheduled} or {@code booking.cancelled}, and every other subscriber of the council
 * {@code booking.changed}; a booking not made through Slotbridge is {@code booking.changed} for all. A notice that
 * only echoes what Slotbridge last told clients (DRS confirms every booking it is sent) makes no event.
 */
@Singleton
public final class SchedulerChanges {
    /** What became of a notice. */
    public enum Outcome {
        /** An event was recorded. */
        APPLIED,
        /** It told nothing new: no event. */
        ECHO,
        /** No booking of the scheduler's matches it: acknowledged and counted, nothing else. */
        UNKNOWN_ORDER
    }

    private final CouncilRefs refs;
    private final BookingVisibility visibility;
    private final BookingWindows windows;
    private final EventPublisher events;

    SchedulerChanges(CouncilRefs refs, BookingVisibility visibility, BookingWindows windows, EventPublisher events) {
        this.refs = refs;
        this.visibility = visibility;
        this.windows = windows;
        this.events = events;
    }

    public Outcome apply(Council council, SchedulerNotice notice) {
        if (!council.capabilities().contains(Capability.FIND_BY_REFERENCE)) {
            return Outcome.UNKNOWN_ORDER;
        }
        Optional<Booking> found = council.provider().findByExternalRef(notice.orderNumber(), notice.propertyRef()).stream()
                .filter(booking -> matches(booking.key().values(), notice.identity())).findFirst();
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_ORDER;
        }
        Booking booking = switch (notice.change()) {
            case BOOKED -> notice.window().map(found.get()::withSlot).orElse(found.get()).withStatus(BookingStatus.BOOKED);
            case CANCELLED -> found.get().withStatus(BookingStatus.CANCELLED);
            case COMPLETED -> found.get().withStatus(BookingStatus.COMPLETED);
        };
        String bookingRef = refs.bookingRef(council, booking.key());
        Optional<String> maker = visibility.maker(council.id(), bookingRef);
        if (notice.change() == SchedulerNotice.Change.BOOKED && windows.last(council.id(), bookingRef)
                .filter(BookingWindows.of(booking)::equals).isPresent()) {
            return Outcome.ECHO;
        }
        EventType type = switch (notice.change()) {
            case BOOKED -> maker.isPresent() ? EventType.RESCHEDULED : EventType.CHANGED;
            case CANCELLED -> maker.isPresent() ? EventType.CANCELLED : EventType.CHANGED;
            case COMPLETED -> EventType.CHANGED;
        };
        events.publish(council, new BookingChange(type, council.id(), bookingRef, booking, maker));
        return Outcome.APPLIED;
    }

    private static boolean matches(Map<String, String> key, Map<String, String> identity) {
        return key.entrySet().containsAll(identity.entrySet());
    }
}
