package dev.slotbridge.engine.events;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.engine.ref.CouncilRefs;
import dev.slotbridge.engine.security.BookingVisibility;
import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingStatus;
import dev.slotbridge.spi.model.SchedulerNotice;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.Optional;

/**
 * Turns a scheduler's notice of a change made inside it into an event — after verifying it: a callback is only a cue
 * to look, since it may be replayed, out of order or forged. The booking is read back from the scheduler by order
 * number (its lookup, {@code FIND_BY_REFERENCE}) and the notice's identity, and the event tells what the scheduler
 * shows: its maker, if it was booked through Slotbridge, gets {@code booking.rescheduled} or {@code booking.cancelled},
 * and every other subscriber that may see it {@code booking.changed}; a booking not made through Slotbridge is
 * {@code booking.changed}. When the scheduler shows what clients were last told ({@link ToldBookings}) there is no
 * event: an echo of Slotbridge's own change (DRS confirms every booking it is sent), or a notice the scheduler does
 * not bear out.
 */
@Singleton
public final class SchedulerChanges {
    /** What became of a notice. */
    public enum Outcome {
        /** The scheduler shows a change: an event was recorded. */
        APPLIED,
        /** It told what clients were last told, as the scheduler shows it: no event. */
        ECHO,
        /** The scheduler shows neither a change nor what the notice says (replayed, out of order or forged): no event. */
        UNCONFIRMED,
        /** No booking of the scheduler's matches it: acknowledged and counted, nothing else. */
        UNKNOWN_ORDER
    }

    private final CouncilRefs refs;
    private final BookingVisibility visibility;
    private final ToldBookings told;
    private final EventPublisher events;

    SchedulerChanges(CouncilRefs refs, BookingVisibility visibility, ToldBookings told, EventPublisher events) {
        this.refs = refs;
        this.visibility = visibility;
        this.told = told;
        this.events = events;
    }

    public Outcome apply(Council council, SchedulerNotice notice) {
        if (!council.operations().contains(Capability.FIND_BY_REFERENCE)) {
            return Outcome.UNKNOWN_ORDER;
        }
        Optional<Booking> found = council.provider().findByExternalRef(notice.orderNumber(), notice.propertyRef()).stream()
                .filter(booking -> matches(booking.key().values(), notice.identity())).findFirst();
        if (found.isEmpty()) {
            return Outcome.UNKNOWN_ORDER;
        }
        Booking shown = found.get();
        String bookingRef = refs.bookingRef(council, shown.key());
        if (told.last(council.id(), bookingRef).filter(ToldBookings.of(shown)::equals).isPresent()) {
            return bornOut(notice, shown) ? Outcome.ECHO : Outcome.UNCONFIRMED;
        }
        Optional<String> maker = visibility.maker(council.id(), bookingRef);
        EventType type = switch (shown.status()) {
            case BOOKED -> maker.isPresent() ? EventType.RESCHEDULED : EventType.CHANGED;
            case CANCELLED -> maker.isPresent() ? EventType.CANCELLED : EventType.CHANGED;
            case COMPLETED, UNKNOWN -> EventType.CHANGED;
        };
        events.publish(council, new BookingChange(type, council.id(), bookingRef, shown, maker));
        return Outcome.APPLIED;
    }

    /** Whether the scheduler shows what the notice says: its change and, when it gives one, its window. */
    private static boolean bornOut(SchedulerNotice notice, Booking shown) {
        BookingStatus said = switch (notice.change()) {
            case BOOKED -> BookingStatus.BOOKED;
            case CANCELLED -> BookingStatus.CANCELLED;
            case COMPLETED -> BookingStatus.COMPLETED;
        };
        return shown.status() == said && notice.window().map(window -> shown.slot() != null
                && ToldBookings.of(window).equals(ToldBookings.of(shown.slot()))).orElse(true);
    }

    private static boolean matches(Map<String, String> key, Map<String, String> identity) {
        return key.entrySet().containsAll(identity.entrySet());
    }
}
