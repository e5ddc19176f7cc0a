package dev.slotbridge.engine.security;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link RequestRates} in this process: {@link Gcra} on each client's TAT, moved by compare-and-set, on the injected
 * clock. One TAT per configured client, so nothing grows with requests.
 */
@Singleton
@Secondary
public final class LocalRequestRates implements RequestRates {
    private final Map<String, AtomicLong> tats = new ConcurrentHashMap<>();
    private final Clock clock;

    public LocalRequestRates(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<Duration> acquire(ApiClient client) {
        Gcra gcra = Gcra.of(client.rateLimit());
        AtomicLong tat = tats.computeIfAbsent(client.name(), name -> new AtomicLong(Long.MIN_VALUE));
        long now = Gcra.micros(clock.instant());
        while (true) {
            long stored = tat.get();
            Gcra.Decision decision = gcra.decide(stored, now);
            if (!decision.admitted()) {
                return Optional.of(decision.waitTime());
            }
            if (tat.compareAndSet(stored, decision.tat())) {
                return Optional.empty();
            }
        }
    }
}
