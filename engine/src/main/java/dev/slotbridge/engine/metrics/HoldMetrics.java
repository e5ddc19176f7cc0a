package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.function.DoubleSupplier;

/**
 * {@code slotbridge_holds_total{council,event}} (created, confirmed, released, expired, over-quota: refused by the
 * client's limits) and the gauge {@code slotbridge_holds_active} (active holds, every council, every replica with
 * Redis).
 */
@Singleton
public final class HoldMetrics {
    static final String HOLDS = "slotbridge.holds";
    static final String ACTIVE = "slotbridge.holds.active";
    private static final List<String> EVENTS = List.of("created", "confirmed", "released", "expired", "over-quota");

    private final MeterRegistry registry;

    public HoldMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Registers the council's counters at zero. */
    public void council(String council) {
        EVENTS.forEach(event -> counter(council, event));
    }

    /** The gauge, read when scraped; held strongly (Micrometer holds a gauge's state weakly by default). */
    public void active(DoubleSupplier count) {
        Gauge.builder(ACTIVE, count, DoubleSupplier::getAsDouble).description("Active holds").strongReference(true)
                .register(registry);
    }

    public void created(String council) {
        counter(council, "created").increment();
    }

    public void confirmed(String council) {
        counter(council, "confirmed").increment();
    }

    public void released(String council) {
        counter(council, "released").increment();
    }

    public void expired(String council) {
        counter(council, "expired").increment();
    }

    /** A hold refused by its client's limits (429 {@code hold-quota-exceeded}). */
    public void overQuota(String council) {
        counter(council, "over-quota").increment();
    }

    private Counter counter(String council, String event) {
        return Counter.builder(HOLDS).description("Slot holds by what happened to them")
                .tags("council", council, "event", event).register(registry);
    }
}
