package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * A timer registered when it first records. A service-level timer is 16 series (13 buckets, count, sum, max) per tag
 * combination: registered for every council, operation and outcome at start-up, they were nearly three quarters of
 * a 200-council scrape, all zero until used, and much of a start's meter work. Counters, one series each, still exist
 * from start-up ({@code docs/metrics.md}).
 */
public final class TimerOnFirstUse {
    private final Supplier<Timer> registration;
    private volatile Timer timer;

    /** @param registration registers the timer; Micrometer hands back the same timer when it runs twice at once */
    public TimerOnFirstUse(Supplier<Timer> registration) {
        this.registration = registration;
    }

    public void record(Duration duration) {
        Timer registered = timer;
        if (registered == null) {
            registered = registration.get();
            timer = registered;
        }
        registered.record(duration);
    }
}
