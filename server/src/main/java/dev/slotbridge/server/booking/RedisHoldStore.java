package dev.slotbridge.server.booking;

import dev.slotbridge.server.store.RedisStore;
import dev.slotbridge.server.store.StoreProperties;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link HoldStore} shared by every replica. A hold is a hash {@code slotbridge:hold:<id>}; the ids of the active holds
 * are in one sorted set by expiry (what the sweepers read); the slots Slotbridge holds itself are in a hash per
 * council ({@code slot → id|expiry|client}), so an exclusive hold is one script. Every state change is a
 * compare-and-set script. Ended holds are kept a day, then Redis drops them.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisHoldStore implements HoldStore {
    private static final String OPERATION = "holds";
    private static final String ACTIVE_SET = RedisStore.NAMESPACE + "holds-active";
    private static final String RELEASES_DUE = RedisStore.NAMESPACE + "holds-releasing";
    private static final long KEEP_ENDED_MS = Duration.ofDays(1).toMillis();

    private static final RedisStore.Script CREATE = RedisStore.Script.of("""
            redis.call('HSET', KEYS[1], 'council', ARGV[2], 'client', ARGV[3], 'slot', ARGV[4], 'holdKey', ARGV[5],
              'job', ARGV[8], 'expires', ARGV[6], 'state', 'ACTIVE')
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
            return {1}
            """);
    /** KEYS: hold, active set, the council's slot index; ARGV as CREATE, then now. */
    private static final RedisStore.Script CREATE_EXCLUSIVE = RedisStore.Script.of("""
            local entry = redis.call('HGET', KEYS[3], ARGV[4])
            if entry then
              local first = string.find(entry, '|', 1, true)
              local second = string.find(entry, '|', first + 1, true)
              if tonumber(string.sub(entry, first + 1, second - 1)) > tonumber(ARGV[9]) then
                return {0}
              end
            end
            redis.call('HSET', KEYS[3], ARGV[4], ARGV[1] .. '|' .. ARGV[6] .. '|' .. ARGV[3])
            redis.call('PEXPIRE', KEYS[3], ARGV[7])
            redis.call('HSET', KEYS[1], 'council', ARGV[2], 'client', ARGV[3], 'slot', ARGV[4], 'holdKey', ARGV[5],
              'job', ARGV[8], 'expires', ARGV[6], 'state', 'ACTIVE')
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            redis.call('ZADD', KEYS[2], ARGV[6], ARGV[1])
            return {1}
            """);
    /**
     * KEYS: hold, active set, the council's slot index; ARGV: id, from, to, whether `to` ends the hold. The active
     * set holds exactly the ACTIVE holds, so a confirmation that never finished cannot clog the sweepers' reading.
     */
    private static final RedisStore.Script TRANSITION = RedisStore.Script.of("""
            if redis.call('HGET', KEYS[1], 'state') ~= ARGV[2] then
              return {0}
            end
            redis.call('HSET', KEYS[1], 'state', ARGV[3])
            if ARGV[3] == 'ACTIVE' then
              redis.call('ZADD', KEYS[2], redis.call('HGET', KEYS[1], 'expires'), ARGV[1])
            else
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            if ARGV[4] == '1' then
              local slot = redis.call('HGET', KEYS[1], 'slot')
              local entry = redis.call('HGET', KEYS[3], slot)
              if entry and string.sub(entry, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then
                redis.call('HDEL', KEYS[3], slot)
              end
            end
            return {1}
            """);

    /**
     * KEYS as TRANSITION, then the set of releases due; ARGV: id, the ending state, the retry time, whether the
     * scheduler holds the slot. Ends an ACTIVE hold and, in the same step, records its release at the scheduler.
     */
    private static final RedisStore.Script END = RedisStore.Script.of("""
            if redis.call('HGET', KEYS[1], 'state') ~= 'ACTIVE' then
              return {0}
            end
            redis.call('HSET', KEYS[1], 'state', ARGV[2])
            redis.call('ZREM', KEYS[2], ARGV[1])
            local slot = redis.call('HGET', KEYS[1], 'slot')
            local entry = redis.call('HGET', KEYS[3], slot)
            if entry and string.sub(entry, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '|' then
              redis.call('HDEL', KEYS[3], slot)
            end
            if ARGV[4] == '1' then
              redis.call('ZADD', KEYS[4], ARGV[3], ARGV[1])
            end
            return {1}
            """);

    private final RedisStore redis;

    RedisHoldStore(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public void create(HoldRecord hold) {
        redis.script(OPERATION, CREATE, List.of(key(hold.id()), ACTIVE_SET), arguments(hold));
    }

    @Override
    public boolean createExclusive(HoldRecord hold, Instant now) {
        String[] base = arguments(hold);
        String[] withNow = Arrays.copyOf(base, base.length + 1);
        withNow[base.length] = Long.toString(now.toEpochMilli());
        return Long.valueOf(1).equals(redis.script(OPERATION, CREATE_EXCLUSIVE,
                List.of(key(hold.id()), ACTIVE_SET, slotIndex(hold.council())), withNow).getFirst());
    }

    private static String[] arguments(HoldRecord hold) {
        return new String[]{hold.id(), hold.council(), hold.client(), encode(hold.slot()),
                hold.holdKey() == null ? "" : encode(hold.holdKey()), Long.toString(hold.expiresAt().toEpochMilli()),
                Long.toString(Math.max(1, hold.expiresAt().toEpochMilli() - System.currentTimeMillis()) + KEEP_ENDED_MS),
                hold.job()};
    }

    @Override
    public Optional<HoldRecord> find(String id) {
        Map<String, String> fields = redis.call(OPERATION, commands -> commands.hgetall(key(id)));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        String holdKey = fields.get("holdKey");
        return Optional.of(new HoldRecord(id, fields.get("council"), fields.get("client"), decode(fields.get("slot")),
                holdKey == null || holdKey.isEmpty() ? null : decode(holdKey), fields.get("job"),
                Instant.ofEpochMilli(Long.parseLong(fields.get("expires"))), HoldState.valueOf(fields.get("state"))));
    }

    @Override
    public boolean transition(HoldRecord hold, HoldState from, HoldState to) {
        boolean ends = to != HoldState.ACTIVE && to != HoldState.CONFIRMING;
        return Long.valueOf(1).equals(redis.script(OPERATION, TRANSITION,
                List.of(key(hold.id()), ACTIVE_SET, slotIndex(hold.council())),
                hold.id(), from.name(), to.name(), ends ? "1" : "0").getFirst());
    }

    @Override
    public boolean end(HoldRecord hold, HoldState to, Instant retryAt) {
        return Long.valueOf(1).equals(redis.script(OPERATION, END,
                List.of(key(hold.id()), ACTIVE_SET, slotIndex(hold.council()), RELEASES_DUE), hold.id(), to.name(),
                Long.toString(retryAt.toEpochMilli()), hold.heldByScheduler() ? "1" : "0").getFirst());
    }

    /** A release whose hold Redis no longer keeps (ended more than a day ago) is dropped. */
    @Override
    public List<HoldRecord> releasesDue(Instant now, Instant retryAt, int max) {
        List<HoldRecord> due = new ArrayList<>();
        for (String id : redis.claimDue(OPERATION, RELEASES_DUE, now, retryAt, max)) {
            Optional<HoldRecord> hold = find(id);
            if (hold.isPresent()) {
                due.add(hold.get());
            } else {
                redis.call(OPERATION, commands -> commands.zrem(RELEASES_DUE, id));
            }
        }
        return due;
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
    public Map<Map<String, String>, String> heldSlots(String council, Instant now) {
        Map<String, String> index = redis.call(OPERATION, commands -> commands.hgetall(slotIndex(council)));
        Map<Map<String, String>, String> held = new HashMap<>();
        index.forEach((slot, entry) -> {
            String[] parts = entry.split("\\|", 3);
            if (Long.parseLong(parts[1]) > now.toEpochMilli()) {
                held.put(decode(slot), parts[2]);
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

    private static String slotIndex(String council) {
        return RedisStore.key("hold-slots", council);
    }

    /** Key values as {@code name=value&...}, sorted, each percent-encoded. */
    static String encode(Map<String, String> values) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(values).forEach((name, value) -> text.append(text.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return text.toString();
    }

    static Map<String, String> decode(String text) {
        Map<String, String> values = new HashMap<>();
        if (text != null && !text.isEmpty()) {
            for (String pair : text.split("&")) {
                String[] nameAndValue = pair.split("=", 2);
                values.put(URLDecoder.decode(nameAndValue[0], StandardCharsets.UTF_8),
                        URLDecoder.decode(nameAndValue[1], StandardCharsets.UTF_8));
            }
        }
        return values;
    }
}
