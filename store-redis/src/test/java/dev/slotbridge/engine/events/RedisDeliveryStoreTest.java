package dev.slotbridge.engine.events;

import dev.slotbridge.engine.metrics.StoreMetrics;
import dev.slotbridge.engine.store.StoreProperties;
import dev.slotbridge.store.redis.RedisDeliveryStore;
import dev.slotbridge.store.redis.RedisServer;
import dev.slotbridge.store.redis.RedisStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox contract on a real Redis, and what only Redis does: delivered deliveries expire sooner, and a delivery
 * the previous version stored (without the endpoint's sets) is still sent.
 */
final class RedisDeliveryStoreTest extends DeliveryStoreContract {
    private static final RedisServer REDIS = RedisServer.shared();
    private RedisStore redis;

    @Override
    DeliveryStore createStore(OutboxBound bound) {
        REDIS.flushAll();
        StoreProperties store = new StoreProperties(StoreProperties.REDIS, Duration.ofSeconds(5), Duration.ofDays(400),
                new StoreProperties.Redis(REDIS.uri(), Duration.ofSeconds(2), Duration.ofMillis(100)));
        redis = new RedisStore(store, new StoreMetrics(new SimpleMeterRegistry()));
        return new RedisDeliveryStore(redis, bound);
    }

    @AfterEach
    void close() {
        redis.close();
    }

    @Test
    void aDeliveredDeliveryIsKeptAWeekAnUndeliveredOneThirtyDays() {
        store.enqueue(List.of(delivery("a"), delivery("b")));
        store.update(store.find("a").orElseThrow().delivered());

        assertThat(ttl("a")).isBetween(Duration.ofDays(6), Duration.ofDays(7));
        assertThat(ttl("b")).isBetween(Duration.ofDays(29), Duration.ofDays(30));
    }

    @Test
    void aDeliveryStoredByThePreviousVersionIsSentListedAndThenCounted() {
        Instant created = clock.instant();
        // as the previous version's enqueue script wrote it: the hash, the due set and the client's pending set
        redis.call("test", commands -> {
            commands.hset("slotbridge:webhook:old", Map.ofEntries(Map.entry("client", "portal"), Map.entry("endpoint", "0"),
                    Map.entry("eventId", "event-old"), Map.entry("type", "CREATED"), Map.entry("council", "sandbox"),
                    Map.entry("subject", "ref-old"), Map.entry("body", "{\"id\":\"event-old\"}"),
                    Map.entry("created", Long.toString(created.toEpochMilli())), Map.entry("attempts", "0"),
                    Map.entry("next", Long.toString(created.toEpochMilli())), Map.entry("status", "PENDING"),
                    Map.entry("error", "")));
            commands.zadd("slotbridge:webhooks-due", created.toEpochMilli(), "old");
            return commands.zadd(RedisStore.key("webhooks-pending", "portal"), created.toEpochMilli(), "old");
        });

        Delivery old = store.claimDue(clock.instant(), clock.instant().plusSeconds(60), 10).getFirst();
        assertThat(old.body()).isEqualTo("{\"id\":\"event-old\"}");
        assertThat(store.list("portal", DeliveryStatus.PENDING, 10)).extracting(Delivery::id).containsExactly("old");
        store.update(old.failedAttempt("HTTP 500", clock.instant(), true));

        store.enqueue(List.of(delivery("a"), delivery("b")));
        assertThat(store.enqueue(List.of(delivery("c")))).as("the old one, dead-lettered, is now counted and dropped first")
                .containsExactly(new DeliveryStore.Dropped("portal", 0, 1));
        assertThat(store.find("old")).isEmpty();
    }

    private Duration ttl(String id) {
        return Duration.ofMillis(redis.call("test", commands -> commands.pttl("slotbridge:webhook:" + id)));
    }
}
