package dev.slotbridge.store.redis;

import dev.slotbridge.engine.booking.JobLeases;
import dev.slotbridge.engine.booking.LeaseRefusal;
import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.PollingWait;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.engine.store.StoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@link JobLeases} shared by every replica: {@code SET slotbridge:lease:<hash> <token> NX PX <claim-lease>}, renewed
 * while held ({@link ClaimRenewals}) and released only by its holder, so a replica that dies frees the job within one
 * claim lease. Redis unreachable: {@link StoreUnavailableException} (503), nothing is sent.
 */
@Singleton
@Requires(property = StoreProperties.TYPE, value = StoreProperties.REDIS)
final class RedisJobLeases implements JobLeases {
    private static final String OPERATION = "lease";
    // the scripts, each documented (KEYS, ARGV, answer) in its file under resources .../store/redis/lua/
    private static final RedisStore.Script TAKE = RedisStore.Script.load("lease-take");
    private static final RedisStore.Script RENEW = RedisStore.Script.load("lease-renew");
    private static final RedisStore.Script RELEASE = RedisStore.Script.load("lease-release");

    private final RedisStore redis;
    private final ClaimRenewals renewals;
    private final Duration lease;
    private final Duration maxWait;

    RedisJobLeases(RedisStore redis, ClaimRenewals renewals, StoreProperties store, IdempotencyProperties idempotency) {
        this.redis = redis;
        this.renewals = renewals;
        this.lease = store.claimLease();
        this.maxWait = idempotency.waitForInFlight();
    }

    @Override
    public Lease acquire(String council, String subject) {
        String key = RedisStore.key("lease", council, subject);
        String token = redis.instanceId() + "/" + UUID.randomUUID();
        String leaseMillis = Long.toString(lease.toMillis());
        PollingWait wait = new PollingWait(maxWait);
        while (!taken(redis.script(OPERATION, TAKE, List.of(key), token, leaseMillis))) {
            if (!wait.pause()) {
                throw LeaseRefusal.inProgress();
            }
        }
        ClaimRenewals.Renewal renewal = renewals.keep(() -> redis.script(OPERATION, RENEW, List.of(key), token, leaseMillis));
        return () -> {
            renewal.close();
            // not awaited; when Redis cannot take it, the lease lapses within one claim lease
            redis.scriptInBackground(OPERATION, RELEASE, List.of(key), () -> { }, token);
        };
    }

    private static boolean taken(List<Object> result) {
        return Long.valueOf(1).equals(result.getFirst());
    }
}
