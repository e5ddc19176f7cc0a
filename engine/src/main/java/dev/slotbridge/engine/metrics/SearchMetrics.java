package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * {@code slotbridge_search_calls_saved_total{council,reason}}: searches answered without a scheduler call of their own
 * — {@code coalesced} (they shared an identical search in flight) or {@code cached} (the availability cache).
 */
@Singleton
public final class SearchMetrics {
    private final MeterRegistry registry;

    public SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void coalesced(String council) {
        saved(council, "coalesced").increment();
    }

    public void cached(String council) {
        saved(council, "cached").increment();
    }

    private Counter saved(String council, String reason) {
        return Counter.builder("slotbridge.search.calls.saved").description("Searches answered without a scheduler call of their own")
                .tags("council", council, "reason", reason).register(registry);
    }
}
