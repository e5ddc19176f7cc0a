package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.AvailabilityCache;
import dev.slotbridge.engine.booking.SearchKey;

import dev.slotbridge.store.redis.RedisStore;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link AvailabilityCache} shared by every replica: one hash per council and property ({@code search → expiry and
 * slots}), which a write at the property deletes whole; Redis drops the hash when its newest entry's time is up.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisAvailabilityCache implements AvailabilityCache {
    private static final String OPERATION = "availability";
    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script PUT = RedisStore.Script.load("availability-put");

    private final RedisStore redis;
    private final Clock clock;

    RedisAvailabilityCache(RedisStore redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public Optional<List<Slot>> find(SearchKey key) {
        String value;
        try {
            value = redis.call(OPERATION, commands -> commands.hget(property(key.council(), key.propertyRef()),
                    RedisStore.key("search", key.text())));
        } catch (StoreUnavailableException e) {
            return Optional.empty();
        }
        if (value == null) {
            return Optional.empty();
        }
        String[] lines = value.split("\n", -1);
        if (Long.parseLong(lines[0]) <= clock.millis()) {
            return Optional.empty();
        }
        List<Slot> slots = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isEmpty()) {
                String[] fields = lines[i].split("\t", -1);
                slots.add(new Slot(OffsetDateTime.parse(fields[0]), OffsetDateTime.parse(fields[1]),
                        fields[2].isEmpty() ? null : URLDecoder.decode(fields[2], StandardCharsets.UTF_8),
                        Boolean.parseBoolean(fields[3]), new SlotKey(RedisHoldStore.decode(fields[4]))));
            }
        }
        return Optional.of(slots);
    }

    @Override
    public void put(SearchKey key, List<Slot> slots, Duration ttl) {
        StringBuilder value = new StringBuilder(Long.toString(clock.millis() + ttl.toMillis()));
        for (Slot slot : slots) {
            value.append('\n').append(slot.start()).append('\t').append(slot.end()).append('\t')
                    .append(slot.label() == null ? "" : URLEncoder.encode(slot.label(), StandardCharsets.UTF_8))
                    .append('\t').append(slot.preferred()).append('\t').append(RedisHoldStore.encode(slot.key().values()));
        }
        try {
            redis.script(OPERATION, PUT, List.of(property(key.council(), key.propertyRef())),
                    RedisStore.key("search", key.text()), value.toString(), Long.toString(ttl.toMillis()));
        } catch (StoreUnavailableException e) {
            // not cached: the next search asks the scheduler
        }
    }

    @Override
    public void forget(String council, String propertyRef) {
        try {
            redis.call(OPERATION, commands -> commands.del(property(council, propertyRef)));
        } catch (StoreUnavailableException e) {
            // the entries end with their time to live
        }
    }

    private static String property(String council, String propertyRef) {
        return RedisStore.key("availability", council, propertyRef);
    }
}
