package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.HoldLimits;
import dev.slotbridge.engine.booking.HoldRecord;
import dev.slotbridge.engine.booking.HoldState;
import dev.slotbridge.engine.booking.HoldStore;
import dev.slotbridge.engine.booking.SlotPlace;
import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link HoldStore} shared by every replica. A hold is a hash {@code slotbridge:hold:<id>} (its slot's and hold's key
 * values as {@link RedisValues} writes them); the ids of the active holds are in one sorted set by expiry (what the
 * sweepers read); the places Slotbridge holds itself are in a hash per council ({@code place → hold, expiry, client}),
 * so an exclusive hold is one script; the holds counting against a client's limits at a council are a hash per
 * council and client ({@code id → expiry, day, place, property}), so an admission is one script. A place is named by
 * {@link RedisValues#identifier}, the same in either format. Every state change is a compare-and-set script, which
 * also stops an ended hold counting. Ended holds are kept a day, then Redis drops them.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisHoldStore implements HoldStore {
    private static final String OPERATION = "holds";
    private static final String ACTIVE_SET = RedisStore.NAMESPACE + "holds-active";
    private static final String RELEASES_DUE = RedisStore.NAMESPACE + "holds-releasing";
    private static final long KEEP_ENDED_MS = Duration.ofDays(1).toMillis();

    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script ADMIT = RedisStore.Script.load("hold-entries", "hold-admit");
    private static final RedisStore.Script CREATE = RedisStore.Script.load("hold-create");
    private static final RedisStore.Script CREATE_EXCLUSIVE =
            RedisStore.Script.load("hold-entries", "hold-claim-place", "hold-create");
    private static final RedisStore.Script TRANSITION =
            RedisStore.Script.load("hold-entries", "hold-free-place", "hold-transition");
    private static final RedisStore.Script END = RedisStore.Script.load("hold-entries", "hold-free-place", "hold-end");

    private final RedisStore redis;
    private final Clock clock;

    RedisHoldStore(RedisStore redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    @Override
    public HoldLimits.Admission admit(HoldRecord hold, HoldLimits limits, Set<SlotPlace> offered, Instant now) {
        List<String> arguments = new ArrayList<>(List.of(hold.id(), RedisValues.millis(hold.expiresAt()),
                hold.day().toString(), hold.propertyRef(), place(hold), RedisValues.millis(now),
                Long.toString(limits.perProperty()), Long.toString(limits.perClient()),
                Long.toString(limits.sharePercent()), Long.toString(ttl(hold)), countedEntry(hold)));
        offered.forEach(place -> arguments.add(RedisValues.identifier(place.values())));
        List<Object> result = redis.script(OPERATION, ADMIT, List.of(counted(hold)), arguments.toArray(String[]::new));
        String outcome = (String) result.getFirst();
        if (outcome.equals("ADMITTED")) {
            return HoldLimits.Admission.ADMITTED;
        }
        String firstEnds = (String) result.get(1);
        return new HoldLimits.Admission(HoldLimits.Bound.valueOf(outcome),
                firstEnds.isEmpty() ? null : RedisValues.instant(firstEnds));
    }

    @Override
    public void withdraw(HoldRecord hold) {
        redis.call(OPERATION, commands -> commands.hdel(counted(hold), hold.id()));
    }

    @Override
    public void create(HoldRecord hold) {
        redis.script(OPERATION, CREATE, List.of(key(hold.id()), ACTIVE_SET, counted(hold)),
                arguments(hold).toArray(String[]::new));
    }

    @Override
    public boolean createExclusive(HoldRecord hold, Instant now) {
        List<String> arguments = arguments(hold);
        HeldEntry held = new HeldEntry(hold.id(), hold.expiresAt().toEpochMilli(), hold.client());
        arguments.add(redis.values().write(held, held::legacy));
        arguments.add(RedisValues.millis(now));
        return Long.valueOf(1).equals(redis.script(OPERATION, CREATE_EXCLUSIVE,
                List.of(key(hold.id()), ACTIVE_SET, counted(hold), placeIndex(hold.council())),
                arguments.toArray(String[]::new)).getFirst());
    }

    /** hold-create.lua's. */
    private List<String> arguments(HoldRecord hold) {
        RedisValues values = redis.values();
        return new ArrayList<>(List.of(hold.id(), hold.council(), hold.client(), values.keyValues(hold.slot()),
                hold.holdKey() == null ? "" : values.keyValues(hold.holdKey()),
                RedisValues.millis(hold.expiresAt()), Long.toString(ttl(hold)), hold.job(),
                hold.propertyRef(), hold.day().toString(), place(hold), countedEntry(hold)));
    }

    /** The hold's place as the index and the counted holds key it. */
    private static String place(HoldRecord hold) {
        return RedisValues.identifier(hold.place().values());
    }

    /** The hold's entry in its client's counted holds. */
    private String countedEntry(HoldRecord hold) {
        CountedEntry entry = new CountedEntry(hold.expiresAt().toEpochMilli(), hold.day().toString(), place(hold),
                hold.propertyRef());
        return redis.values().write(entry, entry::legacy);
    }

    /** How long Redis keeps what a hold wrote: until a day after it ends. */
    private long ttl(HoldRecord hold) {
        return Math.max(1, hold.expiresAt().toEpochMilli() - clock.millis()) + KEEP_ENDED_MS;
    }

    @Override
    public Optional<HoldRecord> find(String id) {
        return redis.hash(OPERATION, key(id)).map(fields -> {
            String holdKey = fields.get("holdKey");
            // a hold made by an earlier version has no property and day: it was never counted
            // nor a place
            String place = fields.get("place");
            return new HoldRecord(id, fields.get("council"), fields.get("client"),
                    RedisValues.readKeyValues(fields.get("slot")),
                    place == null ? null : SlotPlace.from(RedisValues.readKeyValues(place)).orElse(null),
                    holdKey == null || holdKey.isEmpty() ? null : RedisValues.readKeyValues(holdKey), fields.get("job"),
                    fields.get("property"), Optional.ofNullable(fields.get("day")).map(LocalDate::parse).orElse(null),
                    RedisValues.instant(fields.get("expires")), HoldState.valueOf(fields.get("state")));
        });
    }

    @Override
    public boolean transition(HoldRecord hold, HoldState from, HoldState to) {
        return Long.valueOf(1).equals(redis.script(OPERATION, TRANSITION,
                List.of(key(hold.id()), ACTIVE_SET, placeIndex(hold.council()), counted(hold)),
                hold.id(), from.name(), to.name(), to.keepsSlot() ? "0" : "1").getFirst());
    }

    @Override
    public boolean end(HoldRecord hold, HoldState to, Instant retryAt) {
        return Long.valueOf(1).equals(redis.script(OPERATION, END,
                List.of(key(hold.id()), ACTIVE_SET, placeIndex(hold.council()), counted(hold), RELEASES_DUE), hold.id(), to.name(),
                RedisValues.millis(retryAt), hold.heldByScheduler() ? "1" : "0").getFirst());
    }

    /** A release whose hold Redis no longer keeps (ended more than a day ago) is dropped. */
    @Override
    public List<HoldRecord> releasesDue(Instant now, Instant retryAt, int max) {
        return redis.claimDue(OPERATION, RELEASES_DUE, now, retryAt, max, this::find);
    }

    @Override
    public void releasedAtScheduler(HoldRecord hold) {
        redis.call(OPERATION, commands -> commands.zrem(RELEASES_DUE, hold.id()));
    }

    @Override
    public List<HoldRecord> expired(Instant now, int max) {
        List<String> ids = redis.call(OPERATION, commands -> commands.zrangebyscore(ACTIVE_SET,
                io.lettuce.core.Range.create(0, (double) now.toEpochMilli()), io.lettuce.core.Limit.create(0, max)));
        List<HoldRecord> expired = new ArrayList<>();
        for (String id : ids) {
            find(id).filter(hold -> hold.state() == HoldState.ACTIVE).ifPresent(expired::add);
        }
        return expired;
    }

    @Override
    public Map<SlotPlace, String> heldPlaces(String council, Instant now) {
        Map<String, String> index = redis.call(OPERATION, commands -> commands.hgetall(placeIndex(council)));
        Map<SlotPlace, String> held = new HashMap<>();
        index.forEach((place, stored) -> {
            HeldEntry entry = HeldEntry.read(stored);
            if (entry.expires() > now.toEpochMilli()) {
                // an earlier version indexed slot keys, which name no place
                SlotPlace.from(RedisValues.readKeyValues(place)).ifPresent(found -> held.put(found, entry.client()));
            }
        });
        return held;
    }

    @Override
    public long activeCount() {
        return redis.call(OPERATION, commands -> commands.zcard(ACTIVE_SET));
    }

    private static String key(String id) {
        return RedisStore.NAMESPACE + "hold:" + id;
    }

    /** The council's held places (slot keys, by an earlier version), each with its hold, expiry and client. */
    private static String placeIndex(String council) {
        return RedisStore.key("hold-slots", council);
    }

    /** The holds counting against the hold's client's limits at its council. */
    private static String counted(HoldRecord hold) {
        return RedisStore.key("hold-quota", hold.council(), hold.client());
    }

    /** A hold's entry in its client's counted holds ({@code hold-entries.lua}). */
    private record CountedEntry(long expires, String day, String place, String property) {
        String legacy() {
            return String.join("|", Long.toString(expires), day, place, property);
        }
    }

    /** A hold's entry in its council's held places ({@code hold-entries.lua}). */
    private record HeldEntry(String hold, long expires, String client) {
        static HeldEntry read(String stored) {
            if (RedisValues.isJson(stored)) {
                return RedisValues.read(stored, HeldEntry.class);
            }
            String[] fields = stored.split("\\|", 3);
            return new HeldEntry(fields[0], Long.parseLong(fields[1]), fields[2]);
        }

        String legacy() {
            return String.join("|", hold, Long.toString(expires), client);
        }
    }
}
