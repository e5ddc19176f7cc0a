package dev.slotbridge.store.redis;

import dev.slotbridge.engine.events.ToldBookingStore;
import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link ToldBookingStore} shared by every replica: a hash {@code slotbridge:told:<hash of council and bookingRef>}
 * with the {@code state} last told and its {@code change} id, compared and written by one script, so the same change
 * recorded on two replicas at once gets one id.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisToldBookingStore implements ToldBookingStore {
    private static final String OPERATION = "told-bookings";
    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script TELL = RedisStore.Script.load("told-tell");

    private final RedisStore redis;

    RedisToldBookingStore(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public Optional<String> state(String council, String bookingRef) {
        return Optional.ofNullable(redis.call(OPERATION, commands -> commands.hget(key(council, bookingRef), "state")));
    }

    @Override
    public String tell(String council, String bookingRef, String state, String newChangeId, Duration keep) {
        return (String) redis.script(OPERATION, TELL, List.of(key(council, bookingRef)), state, newChangeId,
                Long.toString(keep.toMillis())).getFirst();
    }

    private static String key(String council, String bookingRef) {
        return RedisStore.key("told", council, bookingRef);
    }
}
