package dev.slotbridge.store.redis;

import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.Map;

/**
 * Readiness detail {@code store}: its type, and for Redis whether it answers a PING now. The indicator itself stays UP:
 * while Redis is down an instance still serves searches, views and lists, so it must stay in the load balancer.
 */
@Singleton
@Readiness
final class StoreHealthIndicator implements HealthIndicator {
    private final StoreProperties properties;
    private final BeanProvider<RedisStore> redis;

    StoreHealthIndicator(StoreProperties properties, BeanProvider<RedisStore> redis) {
        this.properties = properties;
        this.redis = redis;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        String status = redis.isPresent() ? (redis.get().ping() ? "UP" : "DOWN") : "UP";
        return Publishers.just(HealthResult.builder("store", HealthStatus.UP)
                .details(Map.of("type", properties.type(), "status", status)).build());
    }
}
