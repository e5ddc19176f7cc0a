package dev.slotbridge.engine.events;

import com.github.benmanes.caffeine.cache.Cache;
import dev.slotbridge.engine.store.MemoryCaches;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link ToldBookingStore} in this process: each booking's last told state and change id until its {@code keep} ends,
 * at most {@value #MAX_BOOKINGS} bookings (28 MB measured); past it the booking least likely to change again is
 * forgotten, and its next change is told as new.
 */
@Singleton
@Secondary
final class InMemoryToldBookingStore implements ToldBookingStore {
    static final int MAX_BOOKINGS = 100_000;

    private record Told(String changeId, String state, Instant expiresAt) implements MemoryCaches.Expiring {
    }

    private final Cache<String, Told> told;
    private final Clock clock;

    InMemoryToldBookingStore(Clock clock) {
        this.clock = clock;
        this.told = MemoryCaches.expiringEach(MAX_BOOKINGS, clock);
    }

    @Override
    public Optional<String> state(String council, String bookingRef) {
        return Optional.ofNullable(told.getIfPresent(key(council, bookingRef))).map(Told::state);
    }

    @Override
    public String tell(String council, String bookingRef, String state, String newChangeId, Duration keep) {
        Instant now = clock.instant();
        return told.asMap().compute(key(council, bookingRef), (key, last) ->
                last != null && last.expiresAt().isAfter(now) && last.state().equals(state)
                        ? last : new Told(newChangeId, state, now.plus(keep))).changeId();
    }

    /** How many bookings are kept, once evictions due are done. */
    long size() {
        told.cleanUp();
        return told.estimatedSize();
    }

    /** Council ids cannot hold a '/'. */
    private static String key(String council, String bookingRef) {
        return council + "/" + bookingRef;
    }
}
