package dev.slotbridge.store.redis;

import dev.slotbridge.engine.security.BookingOwners;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Optional;

/**
 * {@link BookingOwners} shared by every replica: {@code slotbridge:owner:<hash of council and ref>} holds the client's
 * name for {@code owner-ttl}. Recording is best effort (the booking is made either way; a maker not recorded fails
 * closed: a {@code manage-own} client does not see it); reading while Redis is down is a 503, as who may see the
 * booking cannot be established.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisBookingOwners implements BookingOwners {
    private static final Logger LOG = LoggerFactory.getLogger(RedisBookingOwners.class);
    private static final String OPERATION = "owners";

    private final RedisStore redis;
    private final Duration ttl;

    RedisBookingOwners(RedisStore redis, StoreProperties properties) {
        this.redis = redis;
        this.ttl = properties.ownerTtl();
    }

    @Override
    public void record(String council, String bookingRef, String client) {
        try {
            redis.call(OPERATION, commands -> commands.psetex(key(council, bookingRef), ttl.toMillis(), client));
        } catch (StoreUnavailableException e) {
            LOG.warn("Could not record the maker of a booking at council '{}' in Redis: a manage-own client will not see it",
                    council);
        }
    }

    @Override
    public Optional<String> owner(String council, String bookingRef) {
        return Optional.ofNullable(redis.call(OPERATION, commands -> commands.get(key(council, bookingRef))));
    }

    private static String key(String council, String bookingRef) {
        return RedisStore.key("owner", council, bookingRef);
    }
}
