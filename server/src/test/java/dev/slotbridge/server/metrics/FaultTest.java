package dev.slotbridge.server.metrics;

import dev.slotbridge.server.problem.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose fault an answer is decides whether it spends the availability budget. */
final class FaultTest {

    @Test
    void onlySlotbridgesOwnFailuresAreItsFault() {
        assertThat(Fault.of(500, ProblemType.INTERNAL_ERROR)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Fault.of(503, ProblemType.STORE_UNAVAILABLE)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Fault.of(503, ProblemType.SHUTTING_DOWN)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Fault.of(503, ProblemType.SCHEDULER_UNAVAILABLE)).isEqualTo(Fault.SCHEDULER);
        assertThat(Fault.of(502, ProblemType.SCHEDULER_ERROR)).isEqualTo(Fault.SCHEDULER);
        assertThat(Fault.of(504, ProblemType.SCHEDULER_TIMEOUT)).isEqualTo(Fault.SCHEDULER);
        assertThat(Fault.of(503, ProblemType.IDEMPOTENCY_CAPACITY)).isEqualTo(Fault.CLIENT);
        assertThat(Fault.of(409, ProblemType.SLOT_UNAVAILABLE)).isEqualTo(Fault.CLIENT);
        assertThat(Fault.of(501, ProblemType.CAPABILITY_NOT_SUPPORTED)).isEqualTo(Fault.CLIENT);
    }

    @Test
    void answersWithoutAProblemGoByStatus() {
        assertThat(Fault.of(201, null)).isEqualTo(Fault.NONE);
        assertThat(Fault.of(204, null)).isEqualTo(Fault.NONE);
        assertThat(Fault.of(404, null)).isEqualTo(Fault.CLIENT);
        assertThat(Fault.of(502, null)).isEqualTo(Fault.SCHEDULER);
        assertThat(Fault.of(500, null)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Fault.of(503, null)).isEqualTo(Fault.SLOTBRIDGE);
    }
}
