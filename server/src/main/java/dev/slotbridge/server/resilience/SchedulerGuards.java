package dev.slotbridge.server.resilience;

import dev.slotbridge.spi.SchedulerProvider;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.core.value.PropertyResolver;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wraps each council's provider in its own {@link CouncilCallGuard}, so one council's failures and slowness never
 * touch another's circuit or bulkhead. Scheduler calls run on virtual threads.
 */
@Singleton
public final class SchedulerGuards {
    private final PropertyResolver properties;
    private final Clock clock;
    private final SchedulerMetrics metrics;
    private final ExecutorService executor = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("scheduler-call-", 0).factory());
    private final Map<String, CouncilCallGuard> guards = new ConcurrentHashMap<>();

    public SchedulerGuards(PropertyResolver properties, Clock clock, SchedulerMetrics metrics) {
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    /**
     * The council's provider behind its time limit, retries, circuit breaker and bulkhead.
     *
     * @throws io.micronaut.context.exceptions.ConfigurationException naming council and key for a bad setting
     */
    public SchedulerProvider protect(String councilId, String providerName, SchedulerProvider provider) {
        ResilienceSettings settings = ResilienceSettings.resolve(properties, councilId);
        CouncilCallGuard guard = new CouncilCallGuard(councilId, providerName, settings, clock, executor, metrics);
        guards.put(councilId, guard);
        return new ResilientSchedulerProvider(provider, guard);
    }

    /** Each council's circuit state, by council id. */
    public Map<String, CircuitBreaker.State> circuitStates() {
        Map<String, CircuitBreaker.State> states = new TreeMap<>();
        guards.forEach((council, guard) -> states.put(council, guard.circuitState()));
        return states;
    }

    @PreDestroy
    void shutdown() {
        executor.shutdownNow();
    }
}
