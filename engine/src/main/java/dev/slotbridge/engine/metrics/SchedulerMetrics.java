package dev.slotbridge.engine.metrics;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * The Slotbridge meters (see {@code docs/metrics.md}). Tags are council ids, provider names, operations and
 * outcomes: small fixed sets, never a property, booking or client reference.
 */
@Singleton
public final class SchedulerMetrics {
    static final String CALLS = "slotbridge.scheduler.calls";
    static final String RETRIES = "slotbridge.scheduler.retries";
    static final String CIRCUIT_STATE = "slotbridge.scheduler.circuit.state";
    static final String REPLAYS = "slotbridge.idempotency.replays";
    static final String RECONCILIATIONS = "slotbridge.bookings.reconciliations";
    static final String RATE_LIMITED = "slotbridge.ratelimit.rejections";
    static final String BULKHEAD_WAIT = "slotbridge.bulkhead.wait";

    /** How a wait for a council's bulkhead permit ended. */
    public enum BulkheadWait {
        /** A permit came free, and the call was made. */
        ACQUIRED,
        /** None came free in time: 503 {@code council-busy}. */
        REFUSED;

        String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final MeterRegistry registry;

    public SchedulerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The call timer for one council, provider, operation and outcome; callers keep it (registering is not free). */
    public Timer callTimer(String council, String provider, String operation, String outcome) {
        return ServiceLevelBuckets.apply(Timer.builder(CALLS)).description("Calls to council schedulers, one per attempt")
                .tags("council", council, "provider", provider, "operation", operation, "outcome", outcome)
                .register(registry);
    }

    /** The timer of calls to a council that found its bulkhead full and waited, by how the wait ended. */
    public TimerOnFirstUse bulkheadWait(String council, BulkheadWait outcome) {
        return new TimerOnFirstUse(() -> ServiceLevelBuckets.apply(Timer.builder(BULKHEAD_WAIT))
                .description("Waits for a permit of a council's bulkhead, by calls that found it full")
                .tags("council", council, "outcome", outcome.tag())
                .register(registry));
    }

    /**
     * Registers the council's counters at zero, so a dashboard tells "none yet" from "missing".
     *
     * @param operations every operation tag
     */
    public void council(String council, String provider, List<String> operations) {
        for (String operation : operations) {
            retries(council, provider, operation);
        }
        for (ReconciliationResult result : ReconciliationResult.values()) {
            reconciliations(council, result);
        }
        replays(council);
    }

    public void retry(String council, String provider, String operation) {
        retries(council, provider, operation).increment();
    }

    private Counter retries(String council, String provider, String operation) {
        return Counter.builder(RETRIES).description("Scheduler calls attempted again after a transient failure")
                .tags("council", council, "provider", provider, "operation", operation)
                .register(registry);
    }

    /** One gauge per state, 1 for the circuit's current state and 0 for the others. */
    public void circuit(String council, CircuitBreaker circuitBreaker) {
        for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
            Gauge.builder(CIRCUIT_STATE, circuitBreaker, breaker -> breaker.getState() == state ? 1 : 0)
                    .description("Circuit-breaker state of each council's scheduler (1 = current)")
                    .tags("council", council, "state", state.name().toLowerCase(java.util.Locale.ROOT))
                    .register(registry);
        }
    }

    public void replay(String council) {
        replays(council).increment();
    }

    private Counter replays(String council) {
        return Counter.builder(REPLAYS).description("Bookings answered again from the Idempotency-Key store")
                .tags("council", council).register(registry);
    }

    public void reconciliation(String council, ReconciliationResult result) {
        reconciliations(council, result).increment();
    }

    private Counter reconciliations(String council, ReconciliationResult result) {
        return Counter.builder(RECONCILIATIONS)
                .description("Bookings whose outcome was unknown, established at the scheduler, by what was found")
                .tags("council", council, "result", result.tag()).register(registry);
    }

    /** Registers the client's counter at zero. */
    public void client(String client) {
        rateLimits(client);
    }

    public void rateLimited(String client) {
        rateLimits(client).increment();
    }

    private Counter rateLimits(String client) {
        return Counter.builder(RATE_LIMITED).description("Requests refused by a client's rate limit")
                .tags("client", client).register(registry);
    }
}
