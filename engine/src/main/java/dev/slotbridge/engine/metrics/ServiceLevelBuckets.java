package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Timer;

import java.time.Duration;

/**
 * The histogram buckets of every Slotbridge timer: a small fixed set of service-level boundaries (5 ms to 30 s, see
 * {@code docs/metrics.md}) instead of Micrometer's 69 percentile buckets per series.
 */
public final class ServiceLevelBuckets {
    private static final Duration[] BOUNDARIES = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private ServiceLevelBuckets() {
    }

    /** The builder with these buckets. */
    public static Timer.Builder apply(Timer.Builder timer) {
        return timer.serviceLevelObjectives(BOUNDARIES);
    }
}
