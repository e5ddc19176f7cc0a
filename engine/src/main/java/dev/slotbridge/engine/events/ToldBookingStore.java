package dev.slotbridge.engine.events;

import java.time.Duration;
import java.util.Optional;

/**
 * Where {@link ToldBookings} keeps each booking's last told state and change id: {@link InMemoryToldBookingStore} for
 * one instance, {@code RedisToldBookingStore} (module store-redis) shared by every replica.
 */
public interface ToldBookingStore {

    /** The state last told of the booking, if kept. */
    Optional<String> state(String council, String bookingRef);

    /**
     * In one step: when {@code state} is the state last told, the id it was told with (nothing is written); else
     * {@code state} is recorded with {@code newChangeId}, kept for {@code keep}, and that id is answered.
     */
    String tell(String council, String bookingRef, String state, String newChangeId, Duration keep);
}
