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

    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script ENQUEUE = RedisStore.Script.load("webhook-drop-oldest", "webhook-enqueue");
    private static final RedisStore.Script UPDATE = RedisStore.Script.load("webhook-drop-oldest", "webhook-update");

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
                    delivery.id(), RedisValues.millis(delivery.nextAttemptAt()),
                    RedisValues.millis(delivery.createdAt()),
                    Long.toString(KEEP.toMillis())));
            arguments.addAll(List.of("client", delivery.client(),
                    "endpoint", Integer.toString(delivery.endpoint()), "eventId", delivery.eventId(),
                    "type", delivery.type().name(), "council", delivery.council(), "subject", delivery.subject(),
                    "body", delivery.body(), "created", RedisValues.millis(delivery.createdAt()),
                    "attempts", Integer.toString(delivery.attempts()),
                    "next", RedisValues.millis(delivery.nextAttemptAt()),
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
        return redis.claimDue(OPERATION, DUE, now, leaseUntil, max, this::find);
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
                delivery.status().name(), Integer.toString(delivery.attempts()),
                RedisValues.millis(delivery.nextAttemptAt()),
                delivery.lastError() == null ? "" : delivery.lastError(), RedisValues.millis(delivery.createdAt()),
                Long.toString(keep.toMillis()));
    }

    @Override
    public void postpone(Delivery delivery, Instant at) {
        redis.call(OPERATION, commands -> commands.zadd(DUE, io.lettuce.core.ZAddArgs.Builder.xx(),
                (double) at.toEpochMilli(), delivery.id()));
    }

    @Override
    public Optional<Delivery> find(String id) {
        return redis.hash(OPERATION, key(id)).map(fields -> {
            String error = fields.get("error");
            return new Delivery(id, fields.get("client"), Integer.parseInt(fields.get("endpoint")),
                    fields.get("eventId"), EventType.valueOf(fields.get("type")), fields.get("council"),
                    fields.get("subject"), fields.get("body"), RedisValues.instant(fields.get("created")),
                    Integer.parseInt(fields.get("attempts")), RedisValues.instant(fields.get("next")),
                    DeliveryStatus.valueOf(fields.get("status")), error == null || error.isEmpty() ? null : error);
        });
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
}
