package dev.slotbridge.engine.metrics;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class TimerOnFirstUseTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicInteger registrations = new AtomicInteger();
    private final TimerOnFirstUse timer = new TimerOnFirstUse(() -> {
        registrations.incrementAndGet();
        return Timer.builder("test.wait").tag("council", "north").register(registry);
    });

    @Test
    void isRegisteredByItsFirstRecordingOnly() {
        assertThat(registry.find("test.wait").timer()).isNull();

        timer.record(Duration.ofMillis(30));
        timer.record(Duration.ofMillis(10));

        assertThat(registry.get("test.wait").tag("council", "north").timer().count()).isEqualTo(2);
        assertThat(registrations).hasValue(1);
    }

    @Test
    void firstRecordingsAtOnceAllLandOnOneTimer() {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 800; i++) {
                threads.execute(() -> timer.record(Duration.ofMillis(1)));
            }
        }

        assertThat(registry.get("test.wait").timers()).singleElement()
                .satisfies(registered -> assertThat(registered.count()).isEqualTo(800));
    }
}
