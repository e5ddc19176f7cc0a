package dev.slotbridge.engine.council;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract in this process, and its bounds: values kept per council, and expired values dropped unread. */
final class InProcessProviderMemoriesTest extends ProviderMemoriesContract {
    @Override
    protected ProviderMemories createMemories() {
        return new InProcessProviderMemories(clock);
    }

    private long size(String council) {
        return ((InProcessProviderMemories.Memory) memories.forCouncil(council)).size();
    }

    @Test
    void atMostMaxPerCouncilValuesAreKeptForEachCouncil() {
        for (int i = 0; i < InProcessProviderMemories.MAX_PER_COUNCIL + 1000; i++) {
            memories.forCouncil("council").put("cancelled:" + i, "x", Duration.ofDays(90));
        }
        memories.forCouncil("elsewhere").put("token", "t", Duration.ofMinutes(5));

        assertThat(size("council")).isEqualTo(InProcessProviderMemories.MAX_PER_COUNCIL);
        assertThat(size("elsewhere")).isEqualTo(1);
    }

    @Test
    void anExpiredValueIsDroppedWithoutBeingReadAgain() {
        memories.forCouncil("council").put("token", "t", Duration.ofMinutes(5));
        memories.forCouncil("council").put("cancelled:J1", "x", Duration.ofDays(90));

        clock.advance(Duration.ofMinutes(5));

        assertThat(size("council")).isEqualTo(1);
    }
}
