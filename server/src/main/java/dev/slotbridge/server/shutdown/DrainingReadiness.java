package dev.slotbridge.server.shutdown;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/** Readiness is DOWN from the moment the instance starts draining, so load balancers stop sending it requests. */
@Singleton
@Readiness
final class DrainingReadiness implements HealthIndicator {
    private final ShutdownGate gate;

    DrainingReadiness(ShutdownGate gate) {
        this.gate = gate;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        return Publishers.just(HealthResult.builder("shutdown", gate.isDraining() ? HealthStatus.DOWN : HealthStatus.UP).build());
    }
}
