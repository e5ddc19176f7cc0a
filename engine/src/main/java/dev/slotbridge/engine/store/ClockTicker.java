package dev.slotbridge.engine.store;

import com.github.benmanes.caffeine.cache.Ticker;

import java.time.Clock;
import java.time.Instant;

/** Caffeine's time read from the injected {@link Clock}, so in-memory caches expire as the rest does (and tests move it). */
public final class ClockTicker implements Ticker {
    private final Clock clock;

    public ClockTicker(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long read() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
