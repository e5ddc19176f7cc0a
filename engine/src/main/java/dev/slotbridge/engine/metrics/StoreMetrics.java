package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

import java.util.List;

/**
 * {@code slotbridge_store_errors_total{operation}}: commands to the shared store that failed or timed out. Built at
 * start-up ({@link Context}) so the counters show 0 with either store.
 */
@Context
public final class StoreMetrics {
    static final String ERRORS = "slotbridge.store.errors";
    /** Every operation tag, registered at zero. */
    public static final List<String> OPERATIONS = List.of("idempotency", "lease", "owners", "rate-limit",
            "provider-memory", "holds", "webhooks", "availability", "ping");

    private final MeterRegistry registry;

    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        OPERATIONS.forEach(this::errors);
    }

    public void error(String operation) {
        errors(operation).increment();
    }

    private Counter errors(String operation) {
        return Counter.builder(ERRORS).description("Commands to the shared store (Redis) that failed or timed out")
                .tag("operation", operation).register(registry);
    }
}
