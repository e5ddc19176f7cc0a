package dev.slotbridge.engine.events;

import dev.slotbridge.engine.council.Council;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * What Slotbridge last told clients of each booking — its state (status and, unless cancelled, window) and the id of
 * the change that told it — per council and bookingRef, in the store ({@link ToldBookingStore}, shared by every
 * replica with Redis). It gives every change its own identity, the CloudEvents {@code id} of each recipient's event: a
 * booking whose state differs from the state last told is a new change with a new random id (so a create, a move, a
 * move back and a cancel are four changes, whatever their windows); one in the state last told is the same change
 * again — a replay, a repeated cancel, a callback delivered twice or on two replicas at once — and keeps its id, so
 * the outbox and receivers drop it as a duplicate. It is also how a scheduler's callback is told from a change: an
 * echo of Slotbridge's own change shows the state last told. Kept until a week after the booking's window ends (a
 * week without one), so the store does not grow with every booking ever made.
 */
@Singleton
final class ToldBookings {
    private static final Duration AFTER_THE_WINDOW = Duration.ofDays(7);

    private final ToldBookingStore store;
    private final Clock clock;

    ToldBookings(ToldBookingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** A change as told: its id, and whether it is told for the first time (else it is the last change again). */
    record Told(String changeId, boolean first) {
    }

    /** The state last told of the booking, if it is still kept. */
    Optional<String> last(String council, String bookingRef) {
        return store.state(council, bookingRef);
    }

    /** Records the booking's state as told, in one store step: a new change, or the last one again. */
    Told tell(Council council, String bookingRef, Booking booking) {
        Duration keep = booking.slot() == null ? AFTER_THE_WINDOW
                : Duration.between(clock.instant(), booking.slot().end().toInstant()).plus(AFTER_THE_WINDOW);
        String id = UUID.randomUUID().toString();
        String told = store.tell(council.id(), bookingRef, of(booking), id,
                keep.compareTo(AFTER_THE_WINDOW) < 0 ? AFTER_THE_WINDOW : keep);
        return new Told(told, told.equals(id));
    }

    /** A booking's state as compared: its status and window instants (offsets written differently compare equal). */
    static String of(Booking booking) {
        if (booking.status() == BookingStatus.CANCELLED) {
            return booking.status().name();
        }
        return (booking.slot() == null ? "" : of(booking.slot())) + "|" + booking.status();
    }

    /** A window as compared: its instants. */
    static String of(BookedSlot slot) {
        return slot.start().toInstant() + "/" + slot.end().toInstant();
    }
}
