package dev.slotbridge.engine.booking;

import dev.slotbridge.engine.error.ProblemException;
import dev.slotbridge.engine.error.ProblemType;
import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import dev.slotbridge.engine.store.Race;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link JobLeases} does, run in this process and on a real Redis: one holder per council and subject at a
 * time, a request that finds it held waiting at most {@code wait-for-in-flight} and then refused 409
 * {@code booking-in-progress}, and a released lease taken at once by the next.
 */
public abstract class JobLeasesContract {

    /** New, empty leases, waiting at most {@code waitForInFlight} for a held one. */
    protected abstract JobLeases createLeases(Duration waitForInFlight);

    protected static IdempotencyProperties waitingAtMost(Duration waitForInFlight) {
        return new IdempotencyProperties(Duration.ofHours(24), 100, 1024 * 1024, waitForInFlight);
    }

    @Test
    void aHeldLeaseRefusesAnotherRequestForTheJobAfterTheWait() {
        JobLeases leases = createLeases(Duration.ofMillis(150));
        try (JobLeases.Lease held = leases.acquire("council", "job:1")) {
            long started = System.nanoTime();

            assertThatThrownBy(() -> leases.acquire("council", "job:1")).isInstanceOfSatisfying(ProblemException.class,
                    refusal -> assertThat(refusal.type()).isEqualTo(ProblemType.BOOKING_IN_PROGRESS));
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the holder first")
                    .isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void otherJobsAndCouncilsAreNotHeldUp() {
        JobLeases leases = createLeases(Duration.ZERO);
        try (JobLeases.Lease held = leases.acquire("council", "job:1");
             JobLeases.Lease otherJob = leases.acquire("council", "job:2");
             JobLeases.Lease otherCouncil = leases.acquire("elsewhere", "job:1");
             JobLeases.Lease booking = leases.acquire("council", "booking:1")) {
            assertThat(List.of(held, otherJob, otherCouncil, booking)).doesNotContainNull();
        }
    }

    @Test
    void aReleasedLeaseIsTakenByTheNextWithoutWaitingOutTheWait() {
        JobLeases leases = createLeases(Duration.ofSeconds(20));
        long started = System.nanoTime();
        for (int i = 0; i < 3; i++) {
            leases.acquire("council", "job:1").close();
        }

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWaitingRequestTakesTheLeaseWhenItsHolderReleasesIt() throws Exception {
        JobLeases leases = createLeases(Duration.ofSeconds(20));
        JobLeases.Lease held = leases.acquire("council", "job:1");
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        try (ExecutorService thread = Executors.newSingleThreadExecutor()) {
            Future<Boolean> next = thread.submit(() -> {
                waiting.complete(null);
                try (JobLeases.Lease taken = leases.acquire("council", "job:1")) {
                    return taken != null;
                }
            });
            waiting.get();
            assertThat(next.isDone()).as("still held").isFalse();

            held.close();

            assertThat(next.get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void racingRequestsForOneJobHoldItOneAtATime() {
        JobLeases leases = createLeases(Duration.ofSeconds(20));
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();

        List<Integer> done = Race.run(6, racer -> {
            try (JobLeases.Lease lease = leases.acquire("council", "job:1")) {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                for (int i = 0; i < 1000; i++) {
                    Thread.yield();
                }
                inside.decrementAndGet();
            }
            return racer;
        });

        assertThat(done).hasSize(6);
        assertThat(most).hasValue(1);
    }
}
