package dev.slotbridge.store.redis;

import dev.slotbridge.engine.events.Delivery;
import dev.slotbridge.engine.events.DeliveryStatus;
import dev.slotbridge.engine.events.DeliveryStore;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.events.OutboxBound;
import dev.slotbridge.engine.store.StoreProperties;
import io.lettuce.core.ScoredValue;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link DeliveryStore} shared by every replica. A delivery is a hash {@code slotbridge:webhook:<id>}; the pending ones
 * are in one sorted set by when they are due (what the dispatchers claim from, one script each, so each attempt is
 * made by one replica); each client has a sorted set per status by creation (what the deliveries API lists), and each
 * endpoint one per status by creation (what its {@link OutboxBound} is kept by, in the script that stores or updates
 * a delivery, so replicas agree). A delivered delivery is kept {@link #KEEP_DELIVERED} after it was delivered, any
 * other {@link #KEEP} after its last change; then Redis drops it.
 *
 * <p>The hash is as the earlier versions wrote it, so a delivery they stored is read and sent; it joins its
 * endpoint's sets at its next update, and until then is not counted in the bound.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
public final class RedisDeliveryStore implements DeliveryStore {
    private static final String OPERATION = "webhooks";
    private static final String DUE = RedisStore.NAMESPACE + "webhooks-due";
    private static final String DELIVERY = RedisStore.NAMESPACE + "webhook:";
    static final Duration KEEP = Duration.ofDays(30);
    static final Duration KEEP_DELIVERED = Duration.ofDays(7);

    /**
     * Removes the oldest {@code excess} ids of one endpoint's status set, never {@code keep}, with their deliveries
     * (KEYS[2] is the due set, ARGV[1] the deliveries' key prefix). Returns how many deliveries it removed: an id
     * whose delivery had already expired is not one.
     */
    private static final String DROP_OLDEST = """
            local function drop_oldest(endpoint_set, client_set, excess, keep)
              local dropped = 0
              if excess <= 0 then
                return 0
              end
              for _, id in ipairs(redis.call('ZRANGE', endpoint_set, 0, excess)) do
                if excess > 0 and id ~= keep then
                  excess = excess - 1
                  redis.call('ZREM', endpoint_set, id)
                  redis.call('ZREM', client_set, id)
                  redis.call('ZREM', KEYS[2], id)
                  dropped = dropped + redis.call('DEL', ARGV[1] .. id)
                end
              end
              return dropped
            end
            """;
    /**
     * KEYS: delivery, due set, the client's pending and failed sets, the endpoint's pending and failed sets; ARGV: key
     * prefix, bound, id, due, created, ttl ms, then fields... Returns {stored, dropped}.
     */
    private static final RedisStore.Script ENQUEUE = RedisStore.Script.of(DROP_OLDEST + """
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return {0, 0}
            end
            for i = 7, #ARGV, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
            redis.call('ZADD', KEYS[2], ARGV[4], ARGV[3])
            for _, set in ipairs({KEYS[3], KEYS[5]}) do
              redis.call('ZADD', set, ARGV[5], ARGV[3])
              redis.call('PEXPIRE', set, ARGV[6])
            end
            local excess = redis.call('ZCARD', KEYS[5]) + redis.call('ZCARD', KEYS[6]) - tonumber(ARGV[2])
            local failed = math.min(math.max(excess, 0), redis.call('ZCARD', KEYS[6]))
            local dropped = drop_oldest(KEYS[6], KEYS[4], failed, '')
            dropped = dropped + drop_oldest(KEYS[5], KEYS[3], excess - failed, ARGV[3])
            return {1, dropped}
            """);
    /**
     * KEYS: delivery, due set, the client's pending, delivered and failed sets, the endpoint's pending, delivered and
     * failed sets; ARGV: key prefix, delivered kept, id, status, attempts, next, error, created, ttl ms. Moves the
     * delivery to its status's sets (only a pending one stays due); past the delivered kept, drops the endpoint's
     * oldest delivered.
     */
    private static final RedisStore.Script UPDATE = RedisStore.Script.of(DROP_OLDEST + """
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return {0}
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[4], 'attempts', ARGV[5], 'next', ARGV[6], 'error', ARGV[7])
            redis.call('PEXPIRE', KEYS[1], ARGV[9])
            for i = 3, 8 do
              redis.call('ZREM', KEYS[i], ARGV[3])
            end
            local target = {PENDING = {KEYS[3], KEYS[6]}, DELIVERED = {KEYS[4], KEYS[7]}, FAILED = {KEYS[5], KEYS[8]}}
            for _, set in ipairs(target[ARGV[4]]) do
              redis.call('ZADD', set, ARGV[8], ARGV[3])
              redis.call('PEXPIRE', set, ARGV[9])
            end
            if ARGV[4] == 'PENDING' then
              redis.call('ZADD', KEYS[2], ARGV[6], ARGV[3])
            else
              redis.call('ZREM', KEYS[2], ARGV[3])
            end
            if ARGV[4] == 'DELIVERED' then
              drop_oldest(KEYS[7], KEYS[4], redis.call('ZCARD', KEYS[7]) - tonumber(ARGV[2]), ARGV[3])
            end
            return {1}
            """);

    private final RedisStore redis;
    private final OutboxBound bound;

    public RedisDeliveryStore(RedisStore redis, OutboxBound bound) {
        this.redis = redis;
        this.bound = bound;
    }

    @Override
    public List<Dropped> enqueue(List<Delivery> deliveries) {
        List<Dropped> dropped = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            List<String> arguments = new ArrayList<>(List.of(DELIVERY, Integer.toString(bound.undelivered()),
                    delivery.id(), millis(delivery.nextAttemptAt()), millis(delivery.createdAt()),
                    Long.toString(KEEP.toMillis())));
            arguments.addAll(List.of("client", delivery.client(),
                    "endpoint", Integer.toString(delivery.endpoint()), "eventId", delivery.eventId(),
                    "type", delivery.type().name(), "council", delivery.council(), "subject", delivery.subject(),
                    "body", delivery.body(), "created", millis(delivery.createdAt()),
                    "attempts", Integer.toString(delivery.attempts()), "next", millis(delivery.nextAttemptAt()),
                    "status", delivery.status().name(), "error", ""));
            List<Object> result = redis.script(OPERATION, ENQUEUE, List.of(key(delivery.id()), DUE,
                            byStatus(delivery.client(), DeliveryStatus.PENDING), byStatus(delivery.client(), DeliveryStatus.FAILED),
                            byEndpoint(delivery, DeliveryStatus.PENDING), byEndpoint(delivery, DeliveryStatus.FAILED)),
                    arguments.toArray(String[]::new));
            int count = ((Number) result.get(1)).intValue();
            if (count > 0) {
                dropped.add(new Dropped(delivery.client(), delivery.endpoint(), count));
            }
        }
        return dropped;
    }

    /** A due id whose delivery Redis no longer keeps is dropped. */
    @Override
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int max) {
        List<Delivery> due = new ArrayList<>();
        for (String id : redis.claimDue(OPERATION, DUE, now, leaseUntil, max)) {
            Optional<Delivery> delivery = find(id);
            if (delivery.isPresent()) {
                due.add(delivery.get());
            } else {
                redis.call(OPERATION, commands -> commands.zrem(DUE, id));
            }
        }
        return due;
    }

    @Override
    public void update(Delivery delivery) {
        Duration keep = delivery.status() == DeliveryStatus.DELIVERED ? KEEP_DELIVERED : KEEP;
        List<String> keys = new ArrayList<>(List.of(key(delivery.id()), DUE));
        for (DeliveryStatus status : List.of(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)) {
            keys.add(byStatus(delivery.client(), status));
        }
        for (DeliveryStatus status : List.of(DeliveryStatus.PENDING, DeliveryStatus.DELIVERED, DeliveryStatus.FAILED)) {
            keys.add(byEndpoint(delivery, status));
        }
        redis.script(OPERATION, UPDATE, keys, DELIVERY, Integer.toString(OutboxBound.DELIVERED), delivery.id(),
                delivery.status().name(), Integer.toString(delivery.attempts()), millis(delivery.nextAttemptAt()),
                delivery.lastError() == null ? "" : delivery.lastError(), millis(delivery.createdAt()),
                Long.toString(keep.toMillis()));
    }

    @Override
    public void postpone(Delivery delivery, Instant at) {
        redis.call(OPERATION, commands -> commands.zadd(DUE, io.lettuce.core.ZAddArgs.Builder.xx(),
                (double) at.toEpochMilli(), delivery.id()));
    }

    @Override
    public Optional<Delivery> find(String id) {
        Map<String, String> fields = redis.call(OPERATION, commands -> commands.hgetall(key(id)));
        if (fields == null || fields.isEmpty()) {
            return Optional.empty();
        }
        String error = fields.get("error");
        return Optional.of(new Delivery(id, fields.get("client"), Integer.parseInt(fields.get("endpoint")),
                fields.get("eventId"), EventType.valueOf(fields.get("type")), fields.get("council"), fields.get("subject"),
                fields.get("body"), instant(fields.get("created")), Integer.parseInt(fields.get("attempts")),
                instant(fields.get("next")), DeliveryStatus.valueOf(fields.get("status")),
                error == null || error.isEmpty() ? null : error));
    }

    @Override
    public List<Delivery> list(String client, DeliveryStatus status, int max) {
        List<String> ids = redis.call(OPERATION, commands -> commands.zrevrange(byStatus(client, status), 0, max - 1L));
        List<Delivery> deliveries = new ArrayList<>();
        ids.forEach(id -> find(id).ifPresent(deliveries::add));
        return deliveries;
    }

    @Override
    public Optional<Instant> oldestPending(String client) {
        List<ScoredValue<String>> oldest = redis.call(OPERATION,
                commands -> commands.zrangeWithScores(byStatus(client, DeliveryStatus.PENDING), 0, 0));
        return oldest.stream().findFirst().map(value -> Instant.ofEpochMilli((long) value.getScore()));
    }

    private static String key(String id) {
        return DELIVERY + id;
    }

    private static String byEndpoint(Delivery delivery, DeliveryStatus status) {
        return RedisStore.key("webhooks-" + status.name().toLowerCase(java.util.Locale.ROOT) + "-of-endpoint",
                delivery.client(), Integer.toString(delivery.endpoint()));
    }

    private static String byStatus(String client, DeliveryStatus status) {
        return RedisStore.key("webhooks-" + status.name().toLowerCase(java.util.Locale.ROOT), client);
    }

    private static String millis(Instant instant) {
        return Long.toString(instant.toEpochMilli());
    }

    private static Instant instant(String millis) {
        return Instant.ofEpochMilli(Long.parseLong(millis));
    }
}
