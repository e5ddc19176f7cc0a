package dev.slotbridge.engine.resilience;

import dev.slotbridge.spi.error.BookingNotFoundException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller-thread time limit, with the limit's passing played by a hand-held alarm clock. */
final class CallerThreadTimeLimitTest {
    private final HandHeldAlarms alarms = new HandHeldAlarms();
    private static final Duration LIMIT = Duration.ofSeconds(2);
    private final CallerThreadTimeLimit limit = new CallerThreadTimeLimit(alarms);

    @AfterEach
    void noInterruptLeaksIntoTheCaller() {
        assertThat(Thread.interrupted()).as("interrupt flag left on the caller").isFalse();
    }

    @Test
    void aCallWithinTheLimitReturnsItsAnswerAndCancelsItsAlarm() {
        assertThat(limit.call(() -> "slots", LIMIT, () -> "late")).isEqualTo("slots");

        assertThat(alarms.delays).containsExactly(Duration.ofSeconds(2));
        assertThat(alarms.cancelled).isEqualTo(1);
    }

    @Test
    void aCallStillBlockedWhenTheLimitPassesIsInterruptedAndTimesOut() {
        assertThatThrownBy(() -> limit.call(() -> {
            alarms.passTheLimit();
            return blockUntilInterrupted();
        }, LIMIT, () -> "search got no answer within PT2S"))
                .isInstanceOf(SchedulerTimeoutException.class)
                .hasMessage("search got no answer within PT2S")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void anAnswerThatArrivesAsTheLimitPassesStands() {
        String answer = limit.call(() -> {
            alarms.passTheLimit();
            return "booked";
        }, LIMIT, () -> "late");

        assertThat(answer).isEqualTo("booked");
    }

    @Test
    void anAlarmFiringAfterTheCallReturnedInterruptsNobody() {
        limit.call(() -> "slots", LIMIT, () -> "late");

        alarms.passTheLimit();

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void aFailureWithinTheLimitIsTheCallersOwn() {
        assertThatThrownBy(() -> limit.call(() -> {
            throw new BookingNotFoundException("no booking B-1");
        }, LIMIT, () -> "late")).isInstanceOf(BookingNotFoundException.class);
    }

    @Test
    void noAlarmToBeHadMeansTheServerIsStoppingAndNothingWasSent() {
        CallerThreadTimeLimit stopping = new CallerThreadTimeLimit((action, delay) -> {
            throw new RejectedExecutionException("shut down");
        });
        List<String> sent = new ArrayList<>();

        assertThatThrownBy(() -> stopping.call(() -> sent.add("book"), LIMIT, () -> "late"))
                .isInstanceOfSatisfying(SchedulerUnavailableException.class,
                        e -> assertThat(e.requestNotSent()).isTrue());
        assertThat(sent).isEmpty();
    }

    private static String blockUntilInterrupted() {
        try {
            new CountDownLatch(1).await();
            throw new AssertionError("not interrupted");
        } catch (InterruptedException e) {
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Alarms that go off only when the test says the limit has passed. */
    private static final class HandHeldAlarms implements CallerThreadTimeLimit.Alarms {
        final List<Duration> delays = new ArrayList<>();
        final List<Runnable> armed = new ArrayList<>();
        int cancelled;

        @Override
        public Runnable schedule(Runnable action, Duration delay) {
            delays.add(delay);
            armed.add(action);
            return () -> cancelled++;
        }

        void passTheLimit() {
            armed.forEach(Runnable::run);
        }
    }
}
