package dev.slotbridge.spi;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the server hands a {@link ProviderFactory} for one council.
 *
 * @param councilId   the council's id, for messages
 * @param settings    the council's provider settings, placeholders already resolved
 * @param clock       the only source of "now" a provider may use, so tests control time
 * @param zone        the council's time zone: search dates and local wall-clock times are in this zone
 * @param callTimeout how long one attempt at an operation may take (the council's {@code resilience.timeout}); use it
 *                    as the request timeout of each exchange with the scheduler
 * @param permits     permits for concurrent calls beyond the calling thread's (see {@link CallPermits})
 * @param memory      what the provider must remember across calls, shared by every replica (see {@link ProviderMemory})
 */
public record ProviderContext(String councilId, ProviderSettings settings, Clock clock, ZoneId zone,
                              Duration callTimeout, CallPermits permits, ProviderMemory memory) {
    /** The time limit when none is configured: the server's default {@code resilience.timeout}. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    public ProviderContext {
        Objects.requireNonNull(councilId, "councilId is null");
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(zone, "zone is null");
        Objects.requireNonNull(callTimeout, "callTimeout is null");
        Objects.requireNonNull(permits, "permits is null");
        Objects.requireNonNull(memory, "memory is null");
        if (callTimeout.isNegative() || callTimeout.isZero()) {
            throw new IllegalArgumentException("callTimeout must be positive");
        }
    }

    /**
     * A context with the default call timeout, no extra concurrency and a memory in this process, e.g. for a
     * provider's own tests.
     */
    public ProviderContext(String councilId, ProviderSettings settings, Clock clock, ZoneId zone) {
        this(councilId, settings, clock, zone, DEFAULT_CALL_TIMEOUT, CallPermits.NONE, ProviderMemory.inProcess(clock));
    }
}
