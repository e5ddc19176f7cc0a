package dev.slotbridge.server.events;

import dev.slotbridge.server.council.Council;
import dev.slotbridge.server.council.ProviderMemories;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import dev.slotbridge.spi.model.BookingStatus;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * What Slotbridge last told clients of a booking — its status and, unless cancelled, its window — per council and
 * bookingRef, in the store (shared by every replica with Redis): how a scheduler's callback is told from a change,
 * since the scheduler's own view after it (the fact an event tells) is compared with this. A callback that only
 * echoes a change Slotbridge made itself (DRS confirms every booking it is sent), or is replayed, shows nothing new.
 * Kept only for councils whose scheduler calls back, and only until a week after the window ends (a week without
 * one), so the store does not grow with every booking ever made.
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
        if (council.provider().callbacks().isEmpty()) {
            return;
        }
        Duration keep = booking.slot() == null ? AFTER_THE_WINDOW
                : Duration.between(clock.instant(), booking.slot().end().toInstant()).plus(AFTER_THE_WINDOW);
        memories.forCouncil(namespace(council.id())).put(bookingRef, of(booking), keep.compareTo(AFTER_THE_WINDOW) < 0
                ? AFTER_THE_WINDOW : keep);
    }

    /** A booking as compared: its status and window instants (offsets written differently compare equal). */
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

    /** Not a council's provider namespace: council ids cannot hold a '/'. */
    private static String namespace(String council) {
        return council + "/booking-windows";
    }
}
