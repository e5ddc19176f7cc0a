package dev.slotbridge.server.health;

import dev.slotbridge.engine.resilience.SchedulerGuards;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Readiness detail {@code councils}: each council's circuit state, and DOWN where the circuit is open. The indicator
 * itself stays UP: one council's outage must not take the whole service out of a load balancer.
 */
@Singleton
@Readiness
final class CouncilsHealthIndicator implements HealthIndicator {
    private final SchedulerGuards guards;

    CouncilsHealthIndicator(SchedulerGuards guards) {
        this.guards = guards;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Map<String, String>> councils = new LinkedHashMap<>();
        guards.circuitStates().forEach((council, state) -> councils.put(council, Map.of(
                "status", state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN ? "DOWN" : "UP",
                "circuit", state.name())));
        return Publishers.just(HealthResult.builder("councils", HealthStatus.UP).details(councils).build());
    }
}
