package dev.slotbridge.spi.support;

import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

final class SchedulerExchangesTest {

    @Test
    void overlappingExchangesCountOnceAndGapsNotAtAll() {
        SchedulerExchanges.Recorder recorder = new SchedulerExchanges.Recorder();
        recorder.add(100, 200);
        recorder.add(150, 250);
        recorder.add(400, 450);
        recorder.add(410, 420);

        assertThat(recorder.insideNanos()).isEqualTo(150 + 50);
    }

    @Test
    void exchangesAreRecordedOnTheThreadThatRecordsAndOnThreadsTheWorkIsCarriedTo() throws Exception {
        SchedulerExchanges.Recorder recorder = new SchedulerExchanges.Recorder();
        Callable<Boolean> elsewhere = SchedulerExchanges.recording(recorder, () -> {
            SchedulerExchanges.exchanged(System.nanoTime() - 1_000_000);
            return SchedulerExchanges.carrying(() -> {
                SchedulerExchanges.exchanged(System.nanoTime() - 5_000_000);
                return true;
            });
        });
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            other.submit(elsewhere).get();
        }
        SchedulerExchanges.exchanged(System.nanoTime() - 7_000_000);

        assertThat(recorder.insideNanos()).as("the two recorded exchanges, not the one outside").isBetween(5_000_000L, 6_500_000L);
    }
}
