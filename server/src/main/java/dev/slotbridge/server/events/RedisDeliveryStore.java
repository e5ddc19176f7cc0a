package dev.slotbridge.server.events;

import dev.slotbridge.server.store.RedisStore;
import dev.slotbridge.server.store.StoreProperties;
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
 * made by one replica); each client has a sorted set per status by creation (what the deliveries API lists). A
 * delivery is kept {@link #KEEP} after its last change, then Redis drops it.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisDeliveryStore implements DeliveryStore {
    private static final String OPERATION = "webhooks";
    private static final String DUE = RedisStore.NAMESPACE + "webhooks-due";
    static final Duration KEEP = Duration.ofDays(30);

    /** KEYS: delivery, due set, the client's pending set; ARGV: fields..., then id, due, created, ttl ms. */
    private static final RedisStore.Script ENQUEUE = RedisStore.Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 1 then
              return {0}
            end
            local n = #ARGV
            for i = 1, n - 4, 2 do
              redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[n])
            redis.call('ZADD', KEYS[2], ARGV[n - 2], ARGV[n - 3])
            redis.call('ZADD', KEYS[3], ARGV[n - 1], ARGV[n - 3])
            redis.call('PEXPIRE', KEYS[3], ARGV[n])
            return {1}
            """);
    /**
     * KEYS: delivery, due set, the client's pending, delivered and failed sets; ARGV: id, status, attempts, next,
     * error, created, ttl ms. Moves the delivery to its status's set; only a pending one stays due.
     */
    private static final RedisStore.Script UPDATE = RedisStore.Script.of("""
            if redis.call('EXISTS', KEYS[1]) == 0 then
              return {0}
            end
            redis.call('HSET', KEYS[1], 'status', ARGV[2], 'attempts', ARGV[3], 'next', ARGV[4], 'error', ARGV[5])
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            for i = 3, 5 do
              redis.call('ZREM', KEYS[i], ARGV[1])
            end
            local target = {PENDING = KEYS[3], DELIVERED = KEYS[4], FAILED = KEYS[5]}
            redis.call('ZADD', target[ARGV[2]], ARGV[6], ARGV[1])
            redis.call('PEXPIRE', target[ARGV[2]], ARGV[7])
            if ARGV[2] == 'PENDING' then
              redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
            else
              redis.call('ZREM', KEYS[2], ARGV[1])
            end
            return {1}
            """);

    private final RedisStore redis;

    RedisDeliveryStore(RedisStore redis) {
        this.redis = redis;
    }

    @Override
    public void enqueue(List<Delivery> deliveries) {
        for (Delivery delivery : deliveries) {
            List<String> arguments = new ArrayList<>(List.of("client", delivery.client(),
                    "endpoint", Integer.toString(delivery.endpoint()), "eventId", delivery.eventId(),
                    "type", delivery.type().name(), "council", delivery.council(), "subject", delivery.subject(),
                    "body", delivery.body(), "created", millis(delivery.createdAt()),
                    "attempts", Integer.toString(delivery.attempts()), "next", millis(delivery.nextAttemptAt()),
                    "status", delivery.status().name(), "error", ""));
            arguments.addAll(List.of(delivery.id(), millis(delivery.nextAttemptAt()), millis(delivery.createdAt()),
                    Long.toString(KEEP.toMillis())));
            redis.script(OPERATION, ENQUEUE, List.of(key(delivery.id()), DUE, byStatus(delivery.client(), DeliveryStatus.PENDING)),
                    arguments.toArray(String[]::new));
        }
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
        redis.script(OPERATION, UPDATE, List.of(key(delivery.id()), DUE, byStatus(delivery.client(), DeliveryStatus.PENDING),
                        byStatus(delivery.client(), DeliveryStatus.DELIVERED), byStatus(delivery.client(), DeliveryStatus.FAILED)),
                delivery.id(), delivery.status().name(), Integer.toString(delivery.attempts()),
                millis(delivery.nextAttemptAt()), delivery.lastError() == null ? "" : delivery.lastError(),
                millis(delivery.createdAt()), Long.toString(KEEP.toMillis()));
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
        return RedisStore.NAMESPACE + "webhook:" + id;
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
