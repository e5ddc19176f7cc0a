package dev.slotbridge.engine.security;

import java.util.Optional;

/**
 * Which API client made each booking, so a client with {@code manage-own} sees and changes only its own. The
 * in-memory store serves one instance; a shared store serves several.
 */
public interface BookingOwners {
    /** Records that {@code client} made the booking. */
    void record(String council, String bookingRef, String client);

    /** The client that made the booking through Slotbridge, if known. */
    Optional<String> owner(String council, String bookingRef);
}
