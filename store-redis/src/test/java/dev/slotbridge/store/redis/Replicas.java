package dev.slotbridge.store.redis;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.store.ClaimRenewals;
import dev.slotbridge.engine.store.StoreProperties;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Replicas of this version on the test JVM's Redis, each writing the format it is given, and a raw connection that
 * writes what the previous version wrote, byte for byte, and moves Redis's clock for the keys ({@link #elapse}).
 * Closing closes them all; registered as a test's extension ({@code @RegisterExtension}), it closes after each test.
 */
final class Replicas implements AutoCloseable, AfterEachCallback {
    static final Duration LEASE = Duration.ofSeconds(5);

    private final RedisServer server = RedisServer.shared();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final RedisCommands<String, String> raw;

    /** Starts on an empty Redis. */
    Replicas() {
        server.flushAll();
        RedisClient client = RedisClient.create(server.uri());
        StatefulRedisConnection<String, String> connection = client.connect();
        opened.add(client::shutdown);
        opened.add(connection);
        raw = connection.sync();
    }

    /** Plain Redis commands, as the previous version sent them. */
    RedisCommands<String, String> raw() {
        return raw;
    }

    StoreProperties properties(String writeFormat) {
        return new StoreProperties(StoreProperties.REDIS, LEASE, Duration.ofDays(400),
                new StoreProperties.Redis(server.uri(), Duration.ofSeconds(2), Duration.ofMillis(100), writeFormat));
    }

    /** A replica's connection, writing {@code writeFormat}. */
    RedisStore replica(String writeFormat) {
        RedisStore store = new RedisStore(properties(writeFormat), new StoreMetrics(new SimpleMeterRegistry()));
        opened.add(store);
        return store;
    }

    /**
     * Time passes for what Redis expires by its own clock: every key's time to live is {@code time} shorter, and a key
     * with no more left is gone.
     */
    void elapse(Duration time) {
        long elapsed = time.toMillis();
        for (String key : raw.keys(RedisStore.NAMESPACE + "*")) {
            long left = raw.pttl(key);
            if (left > 0 && left <= elapsed) {
                raw.del(key);
            } else if (left > 0) {
                raw.pexpire(key, left - elapsed);
            }
        }
    }

    ClaimRenewals renewals() {
        ClaimRenewals renewals = new ClaimRenewals(properties(StoreProperties.Redis.LEGACY));
        opened.add(renewals);
        return renewals;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : opened.reversed()) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
