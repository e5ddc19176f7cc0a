package dev.slotbridge.store.redis;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.StoreProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A store contract's Redis: the test JVM's {@link RedisServer} emptied, connections to it as replicas would make them,
 * and {@link #elapse} to move time for what Redis expires by its own clock (the stores' own clock is the test's).
 */
final class FreshRedis implements AutoCloseable {
    static final Duration CLAIM_LEASE = Duration.ofSeconds(5);
    private static final RedisServer REDIS = RedisServer.shared();

    private final StoreProperties properties;
    private final List<AutoCloseable> opened = new ArrayList<>();

    FreshRedis() {
        this(Duration.ofDays(400));
    }

    FreshRedis(Duration ownerTtl) {
        REDIS.flushAll();
        this.properties = new StoreProperties(StoreProperties.REDIS, CLAIM_LEASE, ownerTtl,
                new StoreProperties.Redis(REDIS.uri(), Duration.ofSeconds(2), Duration.ofMillis(100)));
    }

    StoreProperties properties() {
        return properties;
    }

    /** A replica's connection: its own instance id, the same Redis. Closed with this. */
    RedisStore replica() {
        RedisStore redis = new RedisStore(properties, new StoreMetrics(new SimpleMeterRegistry()));
        opened.add(redis);
        return redis;
    }

    /** A replica's renewals of its claims. Closed with this. */
    ClaimRenewals renewals() {
        ClaimRenewals renewals = new ClaimRenewals(properties);
        opened.add(renewals);
        return renewals;
    }

    /** Moves Redis's clock on by {@code time} for every key: a key with less time to live left is gone. */
    void elapse(Duration time) {
        long elapsed = time.toMillis();
        try (RedisStore redis = new RedisStore(properties, new StoreMetrics(new SimpleMeterRegistry()))) {
            redis.call("test", commands -> {
                for (String key : commands.keys(RedisStore.NAMESPACE + "*")) {
                    long left = commands.pttl(key);
                    if (left > 0 && left <= elapsed) {
                        commands.del(key);
                    } else if (left > 0) {
                        commands.pexpire(key, left - elapsed);
                    }
                }
                return null;
            });
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
    }
}
