package dev.slotbridge.spi;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ProviderMemoryTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-03-01T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aValueLivesForItsTtlThenIsGone() {
        ProviderMemory memory = ProviderMemory.inProcess(clock);
        memory.put("cancelled:1", "v1|...", Duration.ofMinutes(10));

        now.set(now.get().plus(Duration.ofMinutes(9)));
        assertThat(memory.get("cancelled:1")).contains("v1|...");
        now.set(now.get().plus(Duration.ofMinutes(1)));
        assertThat(memory.get("cancelled:1")).isEmpty();
    }

    @Test
    void removeForgetsAndTtlsUnderASecondAreRefused() {
        ProviderMemory memory = ProviderMemory.inProcess(clock);
        memory.put("k", "v", Duration.ofSeconds(1));
        memory.remove("k");

        assertThat(memory.get("k")).isEmpty();
        assertThatThrownBy(() -> memory.put("k", "v", Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class);
    }
}
