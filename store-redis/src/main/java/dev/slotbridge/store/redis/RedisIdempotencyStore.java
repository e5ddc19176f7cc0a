package dev.slotbridge.store.redis;

import dev.slotbridge.engine.idempotency.IdempotencyKey;
import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import dev.slotbridge.engine.idempotency.IdempotencyStore;
import dev.slotbridge.engine.idempotency.StoredAnswer;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.PollingWait;
import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link IdempotencyStore} every replica shares, in Redis. One hash per key
 * ({@code slotbridge:idempotency:<hash of client, council, key>}) holds its state — {@code claimed} (with the owning
 * replica and a lease), {@code unresolved} or {@code completed} (with the answer) — and the request's fingerprint, never
 * the request. Each state change is one Lua script, so two replicas can never both claim a key.
 *
 * <ul>
 *   <li>The owner renews its claim while it works ({@link ClaimRenewals}); a claim whose lease ran out belongs to a
 *       replica that died, and the next request with the key takes it over as {@link Claim.Unresolved}: it asks the
 *       scheduler before it may book.</li>
 *   <li>A repeat while the claim is live waits, polling, at most {@code wait-for-in-flight}, then gets
 *       {@link Claim.InUse}.</li>
 *   <li>Each client's live keys are counted in a sorted set by expiry, bounded by {@code max-entries}, and the bytes
 *       of their kept answers in a hash, bounded by {@code max-size-mb}.</li>
 *   <li>Times come from the server's {@link Clock} (replicas keep their clocks in step, as NTP does); Redis expires a
 *       hash a minute after its TTL, only to collect it.</li>
 * </ul>
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
public final class RedisIdempotencyStore implements IdempotencyStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisIdempotencyStore.class);
    private static final String OPERATION = "idempotency";
    private static final long COLLECT_AFTER_MS = 60_000;
    private static final Duration IN_USE_RETRY_AFTER = Duration.ofSeconds(1);

    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script BEGIN = RedisStore.Script.load("idempotency-begin");
    private static final RedisStore.Script RENEW = RedisStore.Script.load("idempotency-owned", "idempotency-renew");
    private static final RedisStore.Script COMPLETE = RedisStore.Script.load("idempotency-owned", "idempotency-complete");
    private static final RedisStore.Script UNRESOLVED = RedisStore.Script.load("idempotency-owned", "idempotency-unresolved");
    private static final RedisStore.Script ABANDON = RedisStore.Script.load("idempotency-owned", "idempotency-abandon");

    private final RedisStore redis;
    private final ClaimRenewals renewals;
    private final IdempotencyProperties properties;
    private final Duration lease;
    private final Clock clock;
    private final Map<IdempotencyKey, ClaimRenewals.Renewal> held = new ConcurrentHashMap<>();

    public RedisIdempotencyStore(RedisStore redis, ClaimRenewals renewals, IdempotencyProperties properties,
                          StoreProperties store, Clock clock) {
        this.redis = redis;
        this.renewals = renewals;
        this.properties = properties;
        this.lease = store.claimLease();
        this.clock = clock;
    }

    @Override
    public Claim begin(IdempotencyKey key, String fingerprint) {
        PollingWait wait = new PollingWait(properties.waitForInFlight());
        while (true) {
            List<Object> result = redis.script(OPERATION, BEGIN, List.of(record(key), clientKeys(key), clientSizes(key)),
                    Long.toString(clock.millis()), fingerprint, redis.instanceId(), Long.toString(lease.toMillis()),
                    Long.toString(properties.ttl().toMillis()), Integer.toString(properties.maxEntries()),
                    Long.toString(COLLECT_AFTER_MS), Long.toString(properties.maxBytes()));
            String outcome = (String) result.getFirst();
            switch (outcome) {
                case "claimed", "unresolved" -> {
                    held.put(key, renewals.keep(() -> renew(key)));
                    return outcome.equals("claimed") ? new Claim.Claimed() : new Claim.Unresolved();
                }
                case "replay" -> {
                    return new Claim.Replay(answer(result));
                }
                case "mismatch" -> {
                    return new Claim.Mismatch();
                }
                case "full" -> {
                    return new Claim.Full(Duration.ofMillis(Long.parseLong((String) result.get(1))));
                }
                default -> {
                    if (!wait.pause()) {
                        return new Claim.InUse(IN_USE_RETRY_AFTER);
                    }
                }
            }
        }
    }

    private static StoredAnswer answer(List<Object> result) {
        String location = (String) result.get(3);
        return new StoredAnswer(Integer.parseInt((String) result.get(1)), (String) result.get(2),
                location.isEmpty() ? null : location, ((String) result.get(4)).getBytes(StandardCharsets.UTF_8));
    }

    private void renew(IdempotencyKey key) {
        redis.script(OPERATION, RENEW, List.of(record(key)), redis.instanceId(),
                Long.toString(clock.millis() + lease.toMillis()));
    }

    @Override
    public void complete(IdempotencyKey key, StoredAnswer answer) {
        settle(key, "complete", COMPLETE, List.of(record(key), clientSizes(key)), redis.instanceId(),
                Integer.toString(answer.status()), answer.bookingRef(), answer.location() == null ? "" : answer.location(),
                new String(answer.body(), StandardCharsets.UTF_8), Integer.toString(answer.body().length),
                Long.toString(properties.ttl().toMillis() + COLLECT_AFTER_MS));
    }

    @Override
    public void unresolved(IdempotencyKey key) {
        settle(key, "mark unresolved", UNRESOLVED, List.of(record(key)), redis.instanceId());
    }

    @Override
    public void abandon(IdempotencyKey key) {
        settle(key, "release", ABANDON, List.of(record(key), clientKeys(key)), redis.instanceId());
    }

    /**
     * Ends this replica's claim, without waiting for Redis (the answer is not held up by it; a repeat sent after it
     * finds it done). When Redis cannot take it, the claim lapses and the next taker reconciles.
     */
    private void settle(IdempotencyKey key, String what, RedisStore.Script script, List<String> keys, String... arguments) {
        ClaimRenewals.Renewal renewal = held.remove(key);
        if (renewal != null) {
            renewal.close();
        }
        redis.scriptInBackground(OPERATION, script, keys, () -> LOG.warn("Could not {} an Idempotency-Key in Redis; its "
                + "claim lapses in {} and the next request with it asks the scheduler first", what, lease), arguments);
    }

    private static String record(IdempotencyKey key) {
        return RedisStore.key("idempotency", key.client(), key.council(), key.key());
    }

    private static String clientKeys(IdempotencyKey key) {
        return RedisStore.key("idempotency-client", key.client());
    }

    /** The sizes of the answers the client's live keys keep, by record, and their {@code #total}. */
    private static String clientSizes(IdempotencyKey key) {
        return RedisStore.key("idempotency-sizes", key.client());
    }
}
