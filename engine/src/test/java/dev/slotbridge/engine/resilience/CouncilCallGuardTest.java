package dev.slotbridge.engine.resilience;

import dev.slotbridge.engine.error.CouncilUnavailableException;
import dev.slotbridge.engine.metrics.SchedulerMetrics;
import dev.slotbridge.engine.tracing.Tracing;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.propagation.PropagatedContext;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's rules with a failing fake and a hand-moved clock: no wall-clock timing. */
final class CouncilCallGuardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    /** When true, the time limit's alarm goes off as soon as a call starts. */
    private boolean alarmAtOnce;
    /** The time limit of every attempt, as its alarm was armed. */
    private final List<Duration> limits = Collections.synchronizedList(new ArrayList<>());
    private final CallerThreadTimeLimit.Alarms alarms = (action, delay) -> {
        limits.add(delay);
        if (alarmAtOnce) {
            action.run();
        }
        return () -> { };
    };

    /**
     * A guard with a 5 s time limit per attempt, three attempts and an 8 s deadline, whose circuit opens when half of
     * the last {@code window} calls failed.
     */
    private CouncilCallGuard guard(int maxConcurrentCalls, int window) {
        return guard(maxConcurrentCalls, window, Duration.ZERO);
    }

    /** The same, and a call that finds the bulkhead full waits up to {@code maxWait} for a permit. */
    private CouncilCallGuard guard(int maxConcurrentCalls, int window, Duration maxWait) {
        ResilienceSettings settings = new ResilienceSettings(TIMEOUT, DEADLINE, 3, Duration.ofMillis(1), 50,
                Duration.ofSeconds(30), window, window, maxConcurrentCalls, maxWait);
        return new CouncilCallGuard("lincoln", "fake", settings, clock, alarms, new SchedulerMetrics(registry),
                new Tracing(OpenTelemetry.noop()));
    }

    /** An attempt that gets no answer and counts its attempts. */
    private <T> Supplier<T> unanswered(AtomicInteger attempts) {
        return () -> {
            attempts.incrementAndGet();
            throw noAnswerByTheLimit();
        };
    }

    /** What an attempt that gets no answer comes to: it runs on the test clock until its time limit passes. */
    private SchedulerTimeoutException noAnswerByTheLimit() {
        clock.advance(limits.getLast());
        return new SchedulerTimeoutException("no answer within " + limits.getLast(), null);
    }

    /** Runs the work as a request does: its calls share one deadline. */
    private static <T> T inRequest(Supplier<T> work) {
        try (PropagatedContext.Scope ignored = PropagatedContext.getOrEmpty().plus(CallDeadline.ofRequest()).propagate()) {
            return work.get();
        }
    }

    /** A call that fails with {@code failure} each time and counts its attempts. */
    private static <T> Supplier<T> failing(AtomicInteger attempts, Supplier<RuntimeException> failure) {
        return () -> {
            attempts.incrementAndGet();
            throw failure.get();
        };
    }

    @Test
    void aWriteIsRetriedOnlyWhenItWasNeverSent() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger notSent = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, failing(notSent,
                () -> new SchedulerUnavailableException("refused", true, null)))).isInstanceOf(SchedulerUnavailableException.class);
        assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, failing(sent,
                () -> new SchedulerUnavailableException("reset", false, null)))).isInstanceOf(SchedulerUnavailableException.class);

        assertThat(notSent).hasValue(3);
        assertThat(sent).as("a booking that may have been sent is never sent again").hasValue(1);
    }

    @Test
    void readsAndReconciliationAreRetriedWhenTheOutcomeIsUnknown() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger search = new AtomicInteger();
        AtomicInteger reconcile = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(SchedulerOperation.SEARCH, failing(search,
                () -> new SchedulerUnavailableException("reset", false, null))));
        assertThatThrownBy(() -> guard.call(SchedulerOperation.RECONCILE_BOOKING, failing(reconcile,
                () -> new SchedulerUnavailableException("reset", false, null))));
        assertThatThrownBy(() -> guard.call(SchedulerOperation.SEARCH, failing(refused,
                () -> new RejectedBySchedulerException("no"))));

        assertThat(search).hasValue(3);
        assertThat(reconcile).hasValue(3);
        assertThat(refused).as("a business answer is final").hasValue(1);
    }

    @Test
    void theCircuitOpensOnSchedulerFailuresNotOnRefusalsAndHalfOpensAfterTheWait() {
        CouncilCallGuard guard = guard(10, 4);
        AtomicInteger calls = new AtomicInteger();
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, failing(calls, () -> new RejectedBySchedulerException("no"))));
        }
        assertThat(guard.circuitState()).as("refusals are answers, not failures").isEqualTo(CircuitBreaker.State.CLOSED);

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK,
                    failing(calls, () -> new SchedulerUnavailableException("reset", false, null))));
        }
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.OPEN);
        int before = calls.get();
        assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, () -> calls.incrementAndGet()))
                .isInstanceOf(CouncilUnavailableException.class);
        assertThat(calls).as("an open circuit calls nothing").hasValue(before);

        clock.advance(Duration.ofSeconds(31));
        assertThat(guard.call(SchedulerOperation.SEARCH, () -> "answered")).isEqualTo("answered");
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void theBulkheadBoundsCallsAndItsPermitsAndAFullBulkheadIsNoSchedulerFailure() {
        CouncilCallGuard guard = guard(1, 100);
        String inside = guard.call(SchedulerOperation.SEARCH, () -> {
            assertThat(guard.permits().tryAcquire()).as("the only permit is the caller's").isFalse();
            assertThatThrownBy(() -> guard.call(SchedulerOperation.VIEW, () -> "nested"))
                    .isInstanceOf(CouncilUnavailableException.class);
            return "done";
        });

        assertThat(inside).isEqualTo("done");
        assertThat(guard.permits().tryAcquire()).as("given back").isTrue();
        guard.permits().release();
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @Timeout(20)
    void callsThatFindTheBulkheadFullWaitTheirTurnInArrivalOrder() throws Exception {
        CouncilCallGuard guard = guard(1, 100, Duration.ofMinutes(1));
        Holder holder = Holder.start(guard);
        List<Integer> served = Collections.synchronizedList(new ArrayList<>());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            int caller = i;
            callers.add(Thread.ofPlatform().start(() -> guard.call(SchedulerOperation.SEARCH, () -> served.add(caller))));
            awaitWaiting(guard, i + 1);
        }

        holder.finish();
        for (Thread caller : callers) {
            caller.join();
        }

        assertThat(served).as("each permit goes to the call that waited longest").containsExactly(0, 1, 2);
        assertThat(waits("acquired")).isEqualTo(3);
        assertThat(waits("refused")).isZero();
        assertThat(guard.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @Timeout(20)
    void aCallThatWaitedMaxWaitInVainIsRefusedAsBusyNotAsASchedulerFailure() throws Exception {
        Duration maxWait = Duration.ofMillis(50);
        CouncilCallGuard guard = guard(1, 1, maxWait);
        Holder holder = Holder.start(guard);
        AtomicInteger sent = new AtomicInteger();

        long started = System.nanoTime();
        assertThatThrownBy(() -> guard.call(SchedulerOperation.SEARCH, sent::incrementAndGet))
                .isInstanceOfSatisfying(CouncilUnavailableException.class, e -> {
                    assertThat(e.councilBusy()).isTrue();
                    assertThat(e.retryAfterSeconds()).isEqualTo(1);
                });
        Duration waited = Duration.ofNanos(System.nanoTime() - started);
        holder.finish();

        assertThat(waited).isGreaterThanOrEqualTo(maxWait);
        assertThat(sent).as("a refused call is not sent, nor retried").hasValue(0);
        assertThat(waits("refused")).isEqualTo(1);
        assertThat(registry.get("slotbridge.scheduler.calls").tag("outcome", "council_busy").timer().count()).isEqualTo(1);
        assertThat(guard.circuitState()).as("a one-call window: a counted failure would have opened it")
                .isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    @Timeout(20)
    void aWriteWaitsOnlyWhileItCouldStillBeSentWithItsWholeTimeLimitBeforeTheDeadline() throws Exception {
        CouncilCallGuard guard = guard(1, 100, Duration.ofMinutes(1));
        AtomicReference<Duration> waited = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();

        Throwable refused = inRequest(() -> {
            guard.call(SchedulerOperation.SEARCH, () -> "slots");
            // 50 ms before the last moment a booking can start with its whole 5 s left
            clock.advance(DEADLINE.minus(TIMEOUT).minusMillis(50));
            Holder holder = Holder.start(guard);
            long started = System.nanoTime();
            try {
                guard.call(SchedulerOperation.BOOK, sent::incrementAndGet);
                return null;
            } catch (CouncilUnavailableException e) {
                return e;
            } finally {
                waited.set(Duration.ofNanos(System.nanoTime() - started));
                holder.finish();
            }
        });

        assertThat(refused).isInstanceOfSatisfying(CouncilUnavailableException.class,
                e -> assertThat(e.councilBusy()).isTrue());
        assertThat(sent).hasValue(0);
        assertThat(waited.get()).as("the 50 ms the deadline left, not the minute of max-wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(50)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    @Timeout(20)
    void extraPermitsForAFanOutNeverWaitEvenWithAWaitSet() {
        CouncilCallGuard guard = guard(1, 100, Duration.ofMinutes(1));

        boolean extra = guard.call(SchedulerOperation.SEARCH, () -> guard.permits().tryAcquire());

        assertThat(extra).as("the only permit is the caller's: no extra one, and no wait for one").isFalse();
        assertThat(waits("acquired") + waits("refused")).isZero();
    }

    /** The waits timed; none while the timer is absent (it is registered by the council's first wait). */
    private long waits(String outcome) {
        io.micrometer.core.instrument.Timer timer = registry.find("slotbridge.bulkhead.wait").tag("council", "lincoln")
                .tag("outcome", outcome).timer();
        return timer == null ? 0 : timer.count();
    }

    /** Returns once {@code count} calls wait for a permit (a waiting call parks: nothing to be told of but this). */
    private static void awaitWaiting(CouncilCallGuard guard, int count) {
        while (guard.waitingForPermit() < count) {
            Thread.onSpinWait();
        }
    }

    /** A call, on a thread of its own, that holds a permit of the guard's bulkhead until {@link #finish()}. */
    private record Holder(Thread thread, CountDownLatch done) {
        static Holder start(CouncilCallGuard guard) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(1);
            Thread thread = Thread.ofPlatform().start(() -> guard.call(SchedulerOperation.SEARCH, () -> {
                holding.countDown();
                try {
                    done.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return "held";
            }));
            awaitUninterruptibly(holding::await);
            return new Holder(thread, done);
        }

        void finish() {
            done.countDown();
            awaitUninterruptibly(thread::join);
        }

        private interface Waiting {
            void await() throws InterruptedException;
        }

        private static void awaitUninterruptibly(Waiting waiting) {
            try {
                waiting.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void aCallStillRunningWhenTheTimeLimitPassesIsATimeout() {
        CouncilCallGuard guard = guard(10, 100);
        alarmAtOnce = true;
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, () -> {
            attempts.incrementAndGet();
            if (Thread.currentThread().isInterrupted()) {
                throw new SchedulerTimeoutException("interrupted", null);
            }
            return "too late";
        })).isInstanceOf(SchedulerTimeoutException.class);
        assertThat(attempts).as("a booking that timed out is not sent again").hasValue(1);
        assertThat(Thread.currentThread().isInterrupted()).as("no interrupt leaks into the request").isFalse();
    }

    @Test
    void aSchedulerThatNeverAnswersIsGivenUpAtTheDeadlineNotAfterEveryAttempt() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger attempts = new AtomicInteger();
        Instant started = clock.instant();

        assertThatThrownBy(() -> guard.call(SchedulerOperation.SEARCH, unanswered(attempts)))
                .isInstanceOf(SchedulerTimeoutException.class);

        assertThat(limits).as("the second attempt gets what is left of the deadline, and there is no third")
                .containsExactly(TIMEOUT, DEADLINE.minus(TIMEOUT));
        assertThat(Duration.between(started, clock.instant())).isEqualTo(DEADLINE);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aWriteNeverSentIsSentAgainOnlyWithItsWholeTimeLimitLeft() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, () -> {
            attempts.incrementAndGet();
            clock.advance(Duration.ofSeconds(2));
            throw new SchedulerUnavailableException("connect timed out", true, null);
        })).isInstanceOfSatisfying(SchedulerUnavailableException.class, e -> assertThat(e.requestNotSent()).isTrue());

        assertThat(limits).as("after 4 s, 4 s are left: a booking cut short would leave its outcome unknown")
                .containsExactly(TIMEOUT, TIMEOUT);
        assertThat(attempts).hasValue(2);
    }

    @Test
    void aCallTheRequestHasNoTimeLeftForIsNotMade() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger views = new AtomicInteger();

        assertThatThrownBy(() -> inRequest(() -> {
            guard.call(SchedulerOperation.SEARCH, () -> {
                clock.advance(DEADLINE);
                return "slots";
            });
            return guard.call(SchedulerOperation.VIEW, views::incrementAndGet);
        })).isInstanceOfSatisfying(CouncilUnavailableException.class, e -> assertThat(e.councilBusy()).as("503 "
                + "scheduler-unavailable: the time ran out, not the council's permits").isFalse())
                .hasMessageContaining("deadline");

        assertThat(views).as("nothing sent").hasValue(0);
    }

    @Test
    void findingOutTheOutcomeOfAWriteHasADeadlineOfItsOwn() {
        CouncilCallGuard guard = guard(10, 100);
        AtomicInteger books = new AtomicInteger();
        AtomicInteger reconciliations = new AtomicInteger();

        String outcome = inRequest(() -> {
            assertThatThrownBy(() -> guard.call(SchedulerOperation.BOOK, unanswered(books)))
                    .isInstanceOf(SchedulerTimeoutException.class);
            return CallDeadline.settling(() -> guard.call(SchedulerOperation.RECONCILE_BOOKING, () -> {
                if (reconciliations.incrementAndGet() == 1) {
                    throw noAnswerByTheLimit();
                }
                return "booked";
            }));
        });

        assertThat(outcome).as("found after the request's deadline had passed").isEqualTo("booked");
        assertThat(limits).as("the booking, then two checks within 8 s of the first")
                .containsExactly(TIMEOUT, TIMEOUT, DEADLINE.minus(TIMEOUT));
        assertThat(books).as("the booking is not sent again").hasValue(1);
    }
}
