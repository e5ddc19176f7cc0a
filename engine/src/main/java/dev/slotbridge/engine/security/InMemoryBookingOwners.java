package dev.slotbridge.engine.security;

import com.github.benmanes.caffeine.cache.Cache;
import dev.slotbridge.engine.store.MemoryCaches;
import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link BookingOwners} in this instance's memory, each for {@code owner-ttl} as with Redis, and at most
 * {@value #MAX_OWNERS} bookings (about 30 MB: a signed ref is some 150 characters, so a million would not fit the
 * 256 MB heap the launcher sets). Past that the owner least likely to be asked for is forgotten, which fails closed: a
 * {@code manage-own} client no longer sees that booking (404), a {@code manage-all} client still does.
 */
@Singleton
@Secondary
final class InMemoryBookingOwners implements BookingOwners {
    static final int MAX_OWNERS = 100_000;

    private final Cache<String, String> owners;

    @Inject
    InMemoryBookingOwners(StoreProperties properties, Clock clock) {
        this(properties.ownerTtl(), clock);
    }

    InMemoryBookingOwners(Duration ownerTtl, Clock clock) {
        this.owners = MemoryCaches.on(clock).maximumSize(MAX_OWNERS).expireAfterWrite(ownerTtl).build();
    }

    @Override
    public void record(String council, String bookingRef, String client) {
        owners.put(council + '/' + bookingRef, client);
    }

    @Override
    public Optional<String> owner(String council, String bookingRef) {
        return Optional.ofNullable(owners.getIfPresent(council + '/' + bookingRef));
    }

    /** How many owners are kept, once evictions due are done. */
    long size() {
        owners.cleanUp();
        return owners.estimatedSize();
    }
}
