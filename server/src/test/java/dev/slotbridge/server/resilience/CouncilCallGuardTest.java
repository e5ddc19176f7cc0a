package dev.slotbridge.server.resilience;

import dev.slotbridge.server.metrics.SchedulerMetrics;
import dev.slotbridge.server.tracing.Tracing;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.core.propagation.PropagatedContext;
import io.opentelemetry.api.OpenTelemetry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's rules with a failing fake and a hand-moved clock: no wall-clock timing. */
final class CouncilCallGuardTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(8);
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    /** When true, the time limit's alarm goes off as soon as a call starts. */
    private boolean alarmAtOnce;
    /** The time limit of every attempt, as its alarm was armed. */
    private final List<Duration> limits = new ArrayList<>();
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
        ResilienceSettings settings = new ResilienceSettings(TIMEOUT, DEADLINE, 3, Duration.ofMillis(1), 50,
                Duration.ofSeconds(30), window, window, maxConcurrentCalls);
        return new CouncilCallGuard("lincoln", "fake", settings, clock, alarms, new SchedulerMetrics(new SimpleMeterRegistry()),
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
        })).isInstanceOf(CouncilUnavailableException.class).hasMessageContaining("deadline");

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
