package dev.slotbridge.engine.council;

import dev.slotbridge.spi.ProviderMemory;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link ProviderMemories} does, in this process and on a real Redis: each council's provider has its own
 * key space, the same each time it is asked for, where every value is kept for the time to live it was put with.
 */
public abstract class ProviderMemoriesContract {
    protected final TestClock clock = new TestClock(Instant.parse("2026-03-01T09:00:00Z"));
    protected ProviderMemories memories;

    /** New, empty memories reading time from {@link #clock}. */
    protected abstract ProviderMemories createMemories();

    /** Time passes for the store: the clock moves (a store keeping time by its own clock moves that too). */
    protected void elapse(Duration time) {
        clock.advance(time);
    }

    @BeforeEach
    final void createMemoriesForTest() {
        memories = createMemories();
    }

    @Test
    void aValueIsKeptUntilRemovedAndTheSameMemoryIsGivenEachTime() {
        memories.forCouncil("council").put("cancelled:J1", "2026-03-01T09:00:00Z\n€ and more", Duration.ofMinutes(1));

        assertThat(memories.forCouncil("council").get("cancelled:J1")).contains("2026-03-01T09:00:00Z\n€ and more");
        assertThat(memories.forCouncil("council").get("cancelled:J2")).isEmpty();

        memories.forCouncil("council").remove("cancelled:J1");
        memories.forCouncil("council").remove("never-put");
        assertThat(memories.forCouncil("council").get("cancelled:J1")).isEmpty();
    }

    @Test
    void eachCouncilHasItsOwnKeys() {
        memories.forCouncil("council").put("token", "mine", Duration.ofMinutes(1));
        memories.forCouncil("elsewhere").put("token", "theirs", Duration.ofMinutes(1));

        assertThat(memories.forCouncil("council").get("token")).contains("mine");
        assertThat(memories.forCouncil("elsewhere").get("token")).contains("theirs");
        memories.forCouncil("elsewhere").remove("token");
        assertThat(memories.forCouncil("council").get("token")).contains("mine");
    }

    @Test
    void aValueExpiresAfterItsTimeToLiveAndAPutAgainStartsItAfresh() {
        ProviderMemory memory = memories.forCouncil("council");
        memory.put("cancelled:J1", "first", Duration.ofDays(90));
        memory.put("session", "s1", Duration.ofMinutes(20));
        elapse(Duration.ofMinutes(15));
        memory.put("session", "s2", Duration.ofMinutes(20));

        elapse(Duration.ofMinutes(19));
        assertThat(memory.get("session")).contains("s2");
        elapse(Duration.ofMinutes(1));
        assertThat(memory.get("session")).isEmpty();

        elapse(Duration.ofDays(90).minusMinutes(35).minusSeconds(1));
        assertThat(memory.get("cancelled:J1")).contains("first");
        elapse(Duration.ofSeconds(1));
        assertThat(memory.get("cancelled:J1")).isEmpty();
    }

    @Test
    void aTimeToLiveUnderASecondIsRefused() {
        assertThatThrownBy(() -> memories.forCouncil("council").put("key", "value", Duration.ofMillis(999)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(memories.forCouncil("council").get("key")).isEmpty();
    }
}
