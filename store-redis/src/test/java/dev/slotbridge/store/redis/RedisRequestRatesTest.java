package dev.slotbridge.store.redis;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.security.ApiClient;
import dev.slotbridge.engine.security.LocalRequestRates;
import dev.slotbridge.engine.security.RequestRates;
import dev.slotbridge.engine.security.RequestRatesContract;
import dev.slotbridge.engine.store.StoreProperties;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate contract on a real Redis, and what only a shared store does: one budget across replicas, and each
 * replica's own count while Redis is down.
 */
final class RedisRequestRatesTest extends RequestRatesContract {
    @RegisterExtension
    final Replicas redis = new Replicas();

    @Override
    protected RequestRates createRates() {
        return replica();
    }

    private RequestRates replica() {
        return new RedisRequestRates(redis.replica(StoreProperties.Redis.LEGACY), new LocalRequestRates(clock), clock);
    }

    @Test
    void replicasShareOneBudget() {
        ApiClient five = client("five", 5, Duration.ofSeconds(1));
        RequestRates other = replica();
        for (int i = 0; i < 5; i++) {
            assertThat((i % 2 == 0 ? rates : other).acquire(five)).isEmpty();
        }

        assertThat(other.acquire(five)).contains(Duration.ofMillis(200));
        assertThat(rates.acquire(five)).contains(Duration.ofMillis(200));
    }

    @Test
    void whileRedisIsDownEachReplicaCountsByTheSameRule() throws Exception {
        ApiClient five = client("five", 5, Duration.ofSeconds(1));
        try (RedisServer gone = RedisServer.start()) {
            StoreProperties properties = new StoreProperties(StoreProperties.REDIS, Duration.ofSeconds(5),
                    Duration.ofDays(400), new StoreProperties.Redis(gone.uri(), Duration.ofMillis(500), Duration.ofMillis(100)));
            try (RedisStore store = new RedisStore(properties, new StoreMetrics(new SimpleMeterRegistry()))) {
                RequestRates unreachable = new RedisRequestRates(store, new LocalRequestRates(clock), clock);
                gone.stop();

                for (int i = 0; i < 5; i++) {
                    assertThat(unreachable.acquire(five)).isEmpty();
                }
                assertThat(unreachable.acquire(five)).contains(Duration.ofMillis(200));
            }
        }
    }
}
