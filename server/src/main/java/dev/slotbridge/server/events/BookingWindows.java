package dev.slotbridge.server.events;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.council.ProviderMemories;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The window Slotbridge last told clients a booking is in, per council and bookingRef, in the store (shared by every
 * replica with Redis): how a scheduler's callback that only echoes a change Slotbridge made itself — DRS confirms
 * every booking it is sent — is told from a real move. Kept only for councils whose scheduler calls back, and only
 * until a week after the window ends, so the store does not grow with every booking ever made.
 */
@Singleton
final class BookingWindows {
    private static final Duration AFTER_THE_WINDOW = Duration.ofDays(7);

    private final ProviderMemories memories;
    private final Clock clock;

    BookingWindows(ProviderMemories memories, Clock clock) {
        this.memories = memories;
        this.clock = clock;
    }

    Optional<String> last(String council, String bookingRef) {
        return memories.forCouncil(namespace(council)).get(bookingRef);
    }

    void remember(Council council, String bookingRef, Booking booking) {
        if (booking.slot() == null || council.provider().callbacks().isEmpty()) {
            return;
        }
        Duration keep = Duration.between(clock.instant(), booking.slot().end().toInstant()).plus(AFTER_THE_WINDOW);
        memories.forCouncil(namespace(council.id())).put(bookingRef, of(booking.slot()), keep.compareTo(AFTER_THE_WINDOW) < 0
                ? AFTER_THE_WINDOW : keep);
    }

    /** A window as compared: its instants, so offsets written differently compare equal. */
    static String of(Booking booking) {
        return booking.slot() == null ? "" : of(booking.slot());
    }

    static String of(BookedSlot slot) {
        return slot.start().toInstant() + "/" + slot.end().toInstant();
    }

    /** Not a council's provider namespace: council ids cannot hold a '/'. */
    private static String namespace(String council) {
        return council + "/booking-windows";
    }
}
