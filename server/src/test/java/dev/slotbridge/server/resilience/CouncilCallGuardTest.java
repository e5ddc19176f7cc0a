package dev.slotbridge.server.resilience;

import dev.slotbridge.server.metrics.SchedulerMetrics;
import dev.slotbridge.spi.error.RejectedBySchedulerException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import dev.slotbridge.tck.TestClock;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The guard's rules with a failing fake and a hand-moved clock: no wall-clock timing. */
final class CouncilCallGuardTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    /** When true, the time limit's alarm goes off as soon as a call starts. */
    private boolean alarmAtOnce;
    private final CallerThreadTimeLimit.Alarms alarms = (action, delay) -> {
        if (alarmAtOnce) {
            action.run();
        }
        return () -> { };
    };

    /** A guard whose circuit opens when half of the last {@code window} calls failed. */
    private CouncilCallGuard guard(int maxConcurrentCalls, int window) {
        ResilienceSettings settings = new ResilienceSettings(Duration.ofSeconds(5), 3, Duration.ofMillis(1), 50,
                Duration.ofSeconds(30), window, window, maxConcurrentCalls);
        return new CouncilCallGuard("lincoln", "fake", settings, clock, alarms, new SchedulerMetrics(new SimpleMeterRegistry()));
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
}
