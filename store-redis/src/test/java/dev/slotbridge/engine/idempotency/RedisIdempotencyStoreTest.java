package dev.slotbridge.engine.idempotency;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.store.redis.RedisIdempotencyStore;
import dev.slotbridge.store.redis.RedisServer;
import dev.slotbridge.store.redis.RedisStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The store contract on a real Redis, and what only a shared store must do: replicas and a replica that dies. */
final class RedisIdempotencyStoreTest extends IdempotencyStoreContract {
    private static final RedisServer REDIS = RedisServer.shared();
    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final IdempotencyProperties PROPERTIES_WAITING_BRIEFLY =
            new IdempotencyProperties(Duration.ofHours(24), 3, 1024, Duration.ofMillis(100));
    private final List<AutoCloseable> opened = new ArrayList<>();

    @Override
    IdempotencyStore createStore(IdempotencyProperties properties) {
        if (opened.isEmpty()) {
            REDIS.flushAll();
        }
        return replica(properties);
    }

    /** Another replica: its own connection and instance id, the same Redis. */
    private RedisIdempotencyStore replica(IdempotencyProperties properties) {
        StoreProperties store = new StoreProperties(StoreProperties.REDIS, LEASE, Duration.ofDays(400),
                new StoreProperties.Redis(REDIS.uri(), Duration.ofSeconds(2), Duration.ofMillis(100)));
        RedisStore redis = new RedisStore(store, new StoreMetrics(new SimpleMeterRegistry()));
        ClaimRenewals renewals = new ClaimRenewals(store);
        opened.add(renewals);
        opened.add(redis);
        return new RedisIdempotencyStore(redis, renewals, properties, store, clock);
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void aClaimHeldByAReplicaIsNeitherTakenNorLostWhileItsLeaseRuns() {
        IdempotencyStore other = replica(PROPERTIES_WAITING_BRIEFLY);
        store.begin(key("shared"), "request");

        assertThat(other.begin(key("shared"), "request")).isInstanceOf(IdempotencyStore.Claim.InUse.class);
    }

    @Test
    void aClaimWhoseReplicaDiedIsTakenOverAsUnresolvedSoTheSchedulerIsAskedFirst() {
        IdempotencyStore other = replica(PROPERTIES_WAITING_BRIEFLY);
        assertThat(store.begin(key("orphan"), "request")).isInstanceOf(IdempotencyStore.Claim.Claimed.class);
        // the first replica dies: nothing renews its claim, and its lease runs out
        closeFirstReplicaRenewals();
        clock.advance(LEASE.plusMillis(1));

        assertThat(other.begin(key("orphan"), "request")).isInstanceOf(IdempotencyStore.Claim.Unresolved.class);
        other.complete(key("orphan"), answer);
        assertThat(other.begin(key("orphan"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
    }

    @Test
    void aReplicaThatLostItsClaimCannotOverwriteTheNewOwnersAnswer() {
        IdempotencyStore other = replica(PROPERTIES_WAITING_BRIEFLY);
        store.begin(key("late"), "request");
        closeFirstReplicaRenewals();
        clock.advance(LEASE.plusMillis(1));
        other.begin(key("late"), "request");
        other.complete(key("late"), answer);

        store.abandon(key("late"));

        assertThat(other.begin(key("late"), "request")).isEqualTo(new IdempotencyStore.Claim.Replay(answer));
    }

    /** The first replica's renewals stop, as when its process is killed. */
    private void closeFirstReplicaRenewals() {
        try {
            opened.getFirst().close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
