package dev.slotbridge.server.events;

import dev.slotbridge.server.council.ProviderMemories;
import dev.slotbridge.spi.model.BookedSlot;
import dev.slotbridge.spi.model.Booking;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;

/**
 * The window Slotbridge last told clients a booking is in, per council and bookingRef, in the store (shared by every
 * replica with Redis; a year): how a scheduler's callback that only echoes a change Slotbridge made itself — DRS
 * confirms every booking it is sent — is told from a real move.
 */
@Singleton
final class BookingWindows {
    private static final Duration KEEP = Duration.ofDays(365);

    private final ProviderMemories memories;

    BookingWindows(ProviderMemories memories) {
        this.memories = memories;
    }

    Optional<String> last(String council, String bookingRef) {
        return memories.forCouncil(namespace(council)).get(bookingRef);
    }

    void remember(String council, String bookingRef, String window) {
        memories.forCouncil(namespace(council)).put(bookingRef, window, KEEP);
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
