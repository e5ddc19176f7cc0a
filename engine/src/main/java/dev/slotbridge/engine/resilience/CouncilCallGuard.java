package dev.slotbridge.engine.resilience;

import dev.slotbridge.engine.error.CallOutcome;
import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.metrics.RequestExchanges;
import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.metrics.TimerOnFirstUse;
import dev.slotbridge.engine.store.StoreUnavailableException;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.spi.CallPermits;
import dev.slotbridge.spi.error.ProviderException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.spi.support.SchedulerExchanges;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.micrometer.core.instrument.Timer;
import net.logstash.logback.marker.Markers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static net.logstash.logback.argument.StructuredArguments.kv;

/**
 * Bounds every call to one council's scheduler: {@code Retry ( CircuitBreaker ( Bulkhead ( TimeLimit ( call ))))},
 * all within the request's {@link CallDeadline}.
 *
 * <ul>
 *   <li><b>Retry</b> (exponential backoff with jitter), decided by the error's {@link dev.slotbridge.spi.error.ErrorKind}:
 *       anything never sent; reads and reconciliations also when the outcome is unknown; so a booking is never sent
 *       twice. No attempt starts, and no backoff is waited, that could not end by the deadline.</li>
 *   <li><b>Circuit breaker</b> (count-based window, the test clock for its open-state wait): counts every
 *       {@link dev.slotbridge.spi.error.ErrorKind#isSchedulerFailure() scheduler failure} and provider bugs; business
 *       answers (slot taken, refused, not found) are not failures. Open: 503 at once.</li>
 *   <li><b>Bulkhead</b> ({@link CouncilBulkhead}): at most N calls in flight for the council, so a hung scheduler
 *       fills its own bulkhead instead of every server thread. A call that finds it full waits its turn for a permit,
 *       in arrival order, up to {@code max-wait} and never so long that it could no longer be made by the deadline;
 *       then 503 {@code council-busy}. A permit is held until the call really returns. A provider that fans a call
 *       out takes a permit per extra concurrent request ({@link #permits()}), without waiting, so the bulkhead bounds
 *       every request to the scheduler. A full bulkhead is not a scheduler failure for the circuit breaker. Waits are
 *       timed per council ({@code slotbridge_bulkhead_wait_seconds}); the attempt's own timing starts once it has
 *       its permit.</li>
 *   <li><b>Time limit</b> per attempt ({@link CallerThreadTimeLimit}): the council's timeout, or what is left of the
 *       deadline when that is less; the call runs on the request's own virtual thread, which is interrupted when the
 *       limit passes, and the caller gets {@link SchedulerTimeoutException}. A write (an operation not safe to repeat)
 *       is only sent with its whole timeout left: one cut short by the deadline would leave its outcome unknown.</li>
 * </ul>
 * Each attempt is timed, counted, traced ({@link Tracing#schedulerCall}) and logged with council, operation, outcome
 * and duration; timers are registered once per outcome seen and kept.
 */
final class CouncilCallGuard {
    private static final Logger LOG = LoggerFactory.getLogger("dev.slotbridge.scheduler");
    /** The JSON log format's {@code event_type} of the lines. */
    private static final Marker EVENT = Markers.append("event_type", "scheduler_call");

    private final String council;
    private final String provider;
    private final ResilienceSettings settings;
    private final CircuitBreaker circuitBreaker;
    private final CouncilBulkhead bulkhead;
    private final TimerOnFirstUse waitedAndCalled;
    private final TimerOnFirstUse waitedInVain;
    private final CallerThreadTimeLimit timeLimit;
    private final Clock clock;
    private final IntervalFunction backoff;
    private final Map<SchedulerOperation, Map<CallOutcome, Timer>> timers = new EnumMap<>(SchedulerOperation.class);
    private final SchedulerMetrics metrics;
    private final Tracing tracing;

    CouncilCallGuard(String council, String provider, ResilienceSettings settings, Clock clock,
                     CallerThreadTimeLimit.Alarms alarms, SchedulerMetrics metrics, Tracing tracing) {
        this.council = council;
        this.tracing = tracing;
        this.provider = provider;
        this.settings = settings;
        this.metrics = metrics;
        this.circuitBreaker = CircuitBreaker.of(council, CircuitBreakerConfig.custom()
                .slidingWindow(settings.slidingWindowSize(), settings.minimumNumberOfCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.waitInOpenState())
                .recordException(CouncilCallGuard::isSchedulerFailure)
                .ignoreExceptions(CouncilUnavailableException.class)
                .clock(clock)
                .build());
        this.bulkhead = new CouncilBulkhead(settings.maxConcurrentCalls());
        this.waitedAndCalled = metrics.bulkheadWait(council, SchedulerMetrics.BulkheadWait.ACQUIRED);
        this.waitedInVain = metrics.bulkheadWait(council, SchedulerMetrics.BulkheadWait.REFUSED);
        this.timeLimit = new CallerThreadTimeLimit(alarms);
        this.clock = clock;
        this.backoff = IntervalFunction.ofExponentialRandomBackoff(settings.retryWait(), 2.0, 0.5);
        for (SchedulerOperation operation : SchedulerOperation.values()) {
            timers.put(operation, new ConcurrentHashMap<>());
        }
        metrics.circuit(council, circuitBreaker);
        metrics.council(council, provider, Arrays.stream(SchedulerOperation.values()).map(SchedulerOperation::tag).toList());
    }

    /**
     * Whether a failed attempt may be made again: anything that certainly never reached the scheduler; and for
     * operations safe to repeat (reads, reconciling), also a failure whose outcome is unknown. Never a write that may
     * have been applied.
     */
    static Predicate<Throwable> retryable(SchedulerOperation operation) {
        return e -> e instanceof ProviderException failure && switch (failure.kind()) {
            case NOT_SENT -> true;
            case OUTCOME_UNKNOWN -> operation.isSafeToRepeat();
            case CALLER_ERROR, REFUSED, CREDENTIALS_REJECTED, UNREADABLE -> false;
        };
    }

    /**
     * What the circuit breaker counts and the log warns of: the scheduler failing, or a provider bug; never a business
     * answer, nor the shared store failing under a provider's memory (that is not the scheduler's fault).
     */
    static boolean isSchedulerFailure(Throwable e) {
        if (e instanceof ProviderException answer) {
            return answer.kind().isSchedulerFailure();
        }
        return !(e instanceof StoreUnavailableException);
    }

    /**
     * Extra concurrent calls a provider makes (a fanned-out search) take permits from the same bulkhead, never
     * waiting, and never while a call waits for one.
     */
    CallPermits permits() {
        return new CallPermits() {
            @Override
            public boolean tryAcquire() {
                return bulkhead.tryAcquireNow();
            }

            @Override
            public void release() {
                bulkhead.release();
            }
        };
    }

    /** Calls waiting for a permit of the council's bulkhead now. */
    int waitingForPermit() {
        return bulkhead.waiting();
    }

    Duration timeout() {
        return settings.timeout();
    }

    CircuitBreaker.State circuitState() {
        return circuitBreaker.getState();
    }

    /** The call, guarded; its exchanges with the scheduler are recorded in the request's recorder. */
    <T> T call(SchedulerOperation operation, Supplier<T> call) {
        return SchedulerExchanges.recording(RequestExchanges.current(), () -> retried(operation, call));
    }

    /**
     * Attempts the call until it answers, fails in a way not to retry, or the attempts or the deadline run out; then
     * the last failure stands.
     *
     * @throws CouncilUnavailableException when the deadline leaves no time for a first attempt: nothing was sent
     */
    private <T> T retried(SchedulerOperation operation, Supplier<T> call) {
        Instant deadline = CallDeadline.current().passesAt(settings.deadline(), clock);
        if (limit(operation, deadline, Duration.ZERO) == null) {
            throw CouncilUnavailableException.unavailable("council '" + council + "': the request's deadline ("
                    + settings.deadline().toMillis() + " ms) left no time to call the scheduler", Duration.ofSeconds(1));
        }
        Predicate<Throwable> retryable = retryable(operation);
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(operation, call, deadline, attempt);
            } catch (RuntimeException failure) {
                if (attempt == settings.maxAttempts() || !retryable.test(failure)) {
                    throw failure;
                }
                Duration wait = Duration.ofMillis(backoff.apply(attempt));
                if (limit(operation, deadline, wait) == null || !waited(wait)
                        || limit(operation, deadline, Duration.ZERO) == null) {
                    throw failure;
                }
                metrics.retry(council, provider, operation.tag());
            }
        }
    }

    /**
     * The time limit of an attempt starting after {@code wait}: the council's timeout, or what is left of the deadline
     * when less; null when that leaves no time, or, for a write, less than the whole timeout.
     */
    private Duration limit(SchedulerOperation operation, Instant deadline, Duration wait) {
        Duration left = Duration.between(clock.instant().plus(wait), deadline);
        if (left.compareTo(settings.timeout()) >= 0) {
            return settings.timeout();
        }
        return operation.isSafeToRepeat() && left.isPositive() ? left : null;
    }

    /** Waits the backoff; false when interrupted (the server is stopping), with the interrupt kept. */
    private static boolean waited(Duration wait) {
        try {
            Thread.sleep(wait);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The call, once, under the council's time limit alone: no retry, no circuit breaker (it neither refuses the call
     * nor counts its outcome), no bulkhead, no metrics. For the provider's probe ({@code check-config}), which must
     * never send a refused login twice (directory-backed accounts lock) nor open a circuit.
     *
     * @throws dev.slotbridge.spi.error.SchedulerTimeoutException when the time limit passed
     */
    <T> T once(String what, Supplier<T> call) {
        return timeLimit.call(call, settings.timeout(), () -> what + " got no answer within " + settings.timeout());
    }

    private <T> T attempt(SchedulerOperation operation, Supplier<T> call, Instant deadline, int attempt) {
        Stopwatch stopwatch = new Stopwatch();
        CallOutcome outcome = CallOutcome.SUCCESS;
        RuntimeException failure = null;
        Tracing.SchedulerCallSpan span = tracing.schedulerCall(council, provider, operation.tag(), attempt);
        try {
            return SchedulerExchanges.observing(span.observer(),
                    () -> circuitBreaker.executeSupplier(() -> permitted(operation, call, deadline, stopwatch)));
        } catch (CallNotPermittedException e) {
            outcome = CallOutcome.CIRCUIT_OPEN;
            throw failure = CouncilUnavailableException.unavailable(
                    "council '" + council + "': circuit open after repeated scheduler failures", settings.waitInOpenState());
        } catch (CouncilUnavailableException e) {
            outcome = CallOutcome.COUNCIL_BUSY;
            throw failure = e;
        } catch (RuntimeException e) {
            outcome = CallOutcome.of(e);
            throw failure = e;
        } finally {
            Duration took = stopwatch.elapsed();
            timers.get(operation).computeIfAbsent(outcome, seen -> metrics.callTimer(council, provider, operation.tag(), seen.tag()))
                    .record(took);
            log(operation, outcome, took, failure);
            span.end(outcome.tag(), failure != null && isSchedulerFailure(failure));
        }
    }

    /**
     * The call, under its time limit, once it has a permit of the council's bulkhead; the stopwatch restarts when it
     * gets the permit, so the attempt's timing is the scheduler's alone.
     *
     * @throws CouncilUnavailableException (busy) when no permit came free in time, or the wait left no time to call
     */
    private <T> T permitted(SchedulerOperation operation, Supplier<T> call, Instant deadline, Stopwatch stopwatch) {
        if (!bulkhead.tryAcquireNow()) {
            waitForPermit(operation, deadline);
            stopwatch.restart();
        }
        try {
            Duration limit = limit(operation, deadline, Duration.ZERO);
            if (limit == null) {
                throw busy("none came free for it while the request's deadline allowed the call");
            }
            return timeLimit.call(call, limit, () -> operation.tag() + " got no answer within " + limit);
        } finally {
            bulkhead.release();
        }
    }

    /**
     * Waits for a permit, behind the calls that came first, for {@code max-wait} or until the call could no longer
     * be made by the deadline, whichever is sooner; times the wait.
     *
     * @throws CouncilUnavailableException (busy) when none came free in time
     * @throws SchedulerUnavailableException (not sent) when the waiting thread was interrupted: the server is stopping
     */
    private void waitForPermit(SchedulerOperation operation, Instant deadline) {
        Instant latestStart = operation.isSafeToRepeat() ? deadline : deadline.minus(settings.timeout());
        Duration left = Duration.between(clock.instant(), latestStart);
        Duration wait = left.compareTo(settings.maxWait()) < 0 ? left : settings.maxWait();
        long started = System.nanoTime();
        boolean acquired;
        try {
            acquired = bulkhead.acquire(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchedulerUnavailableException("the server is stopping", true, e);
        }
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        (acquired ? waitedAndCalled : waitedInVain).record(waited);
        if (!acquired) {
            throw busy("none came free for it within " + waited.toMillis() + " ms");
        }
    }

    private CouncilUnavailableException busy(String why) {
        return CouncilUnavailableException.busy("council '" + council + "': " + settings.maxConcurrentCalls()
                + " scheduler calls in flight, as many as it is given; " + why, Duration.ofSeconds(1));
    }

    /** Time since it started, or since it was last restarted. */
    private static final class Stopwatch {
        private long from = System.nanoTime();

        void restart() {
            from = System.nanoTime();
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - from);
        }
    }

    private void log(SchedulerOperation operation, CallOutcome outcome, Duration took, RuntimeException failure) {
        if (failure != null && !(failure instanceof CouncilUnavailableException) && isSchedulerFailure(failure)) {
            LOG.warn(EVENT, "scheduler call {} {} {} {} {} {}", kv("council", council),
                    kv("provider", provider), kv("operation", operation.tag()), kv("outcome", outcome.tag()),
                    kv("duration_ms", took.toMillis()), kv("error", failure.getMessage()));
        } else if (outcome == CallOutcome.SUCCESS) {
            if (LOG.isDebugEnabled()) {
                LOG.debug(EVENT, "scheduler call {} {} {} {} {}", kv("council", council),
                        kv("provider", provider), kv("operation", operation.tag()), kv("outcome", outcome.tag()),
                        kv("duration_ms", took.toMillis()));
            }
        } else {
            LOG.info(EVENT, "scheduler call {} {} {} {} {}", kv("council", council),
                    kv("provider", provider), kv("operation", operation.tag()), kv("outcome", outcome.tag()),
                    kv("duration_ms", took.toMillis()));
        }
    }
}
