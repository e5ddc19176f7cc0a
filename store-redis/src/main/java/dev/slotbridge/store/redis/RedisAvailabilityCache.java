package dev.slotbridge.store.redis;

import dev.slotbridge.engine.search.AvailabilityCache;
import dev.slotbridge.engine.search.SearchKey;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.spi.model.Slot;
import dev.slotbridge.spi.model.SlotKey;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link AvailabilityCache} shared by every replica: one hash per council and property ({@code search → expiry and
 * slots}, as {@link RedisValues} writes them), which a write at the property deletes whole; Redis drops the hash when
 * its newest entry's time is up.
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
        CachedSearch cached = CachedSearch.read(value);
        if (cached.expires() <= clock.millis()) {
            return Optional.empty();
        }
        return Optional.of(cached.slots().stream().map(CachedSlot::slot).toList());
    }

    @Override
    public void put(SearchKey key, List<Slot> slots, Duration ttl) {
        CachedSearch cached = new CachedSearch(clock.millis() + ttl.toMillis(),
                slots.stream().map(CachedSlot::of).toList());
        String value = redis.values().write(cached, cached::legacy);
        try {
            redis.script(OPERATION, PUT, List.of(property(key.council(), key.propertyRef())),
                    RedisStore.key("search", key.text()), value, Long.toString(ttl.toMillis()));
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

    /**
     * A search's answer until it expires (epoch ms). In the earlier format: the expiry, then a line a slot, its fields
     * separated by tabs: start, end, label (percent-encoded, empty for none), preferred, key values.
     */
    private record CachedSearch(long expires, List<CachedSlot> slots) {
        static CachedSearch read(String stored) {
            if (RedisValues.isJson(stored)) {
                return RedisValues.read(stored, CachedSearch.class);
            }
            String[] lines = stored.split("\n", -1);
            List<CachedSlot> slots = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    String[] fields = lines[i].split("\t", -1);
                    slots.add(new CachedSlot(fields[0], fields[1], RedisValues.readLegacyText(fields[2]),
                            Boolean.parseBoolean(fields[3]), RedisValues.readKeyValues(fields[4])));
                }
            }
            return new CachedSearch(Long.parseLong(lines[0]), slots);
        }

        String legacy() {
            StringBuilder text = new StringBuilder(Long.toString(expires));
            for (CachedSlot slot : slots) {
                text.append('\n').append(String.join("\t", slot.start(), slot.end(),
                        RedisValues.legacyText(slot.label()), Boolean.toString(slot.preferred()),
                        RedisValues.legacyKeyValues(slot.key())));
            }
            return text.toString();
        }
    }

    /** A slot as cached: its times as {@link OffsetDateTime#toString()} writes them, with their offsets. */
    private record CachedSlot(String start, String end, String label, boolean preferred, Map<String, String> key) {
        static CachedSlot of(Slot slot) {
            return new CachedSlot(slot.start().toString(), slot.end().toString(), slot.label(), slot.preferred(),
                    slot.key().values());
        }

        Slot slot() {
            return new Slot(OffsetDateTime.parse(start), OffsetDateTime.parse(end), label, preferred, new SlotKey(key));
        }
    }
}
