package dev.slotbridge.http.problem;

import dev.slotbridge.engine.error.Fault;
import dev.slotbridge.engine.error.ProblemType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose fault an answer is decides whether it spends the availability budget. */
final class FaultsTest {

    @Test
    void onlySlotbridgesOwnFailuresAreItsFault() {
        assertThat(Faults.of(500, ProblemType.INTERNAL_ERROR)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Faults.of(503, ProblemType.STORE_UNAVAILABLE)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Faults.of(503, ProblemType.SHUTTING_DOWN)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Faults.of(503, ProblemType.SCHEDULER_UNAVAILABLE)).isEqualTo(Fault.SCHEDULER);
        assertThat(Faults.of(502, ProblemType.SCHEDULER_ERROR)).isEqualTo(Fault.SCHEDULER);
        assertThat(Faults.of(504, ProblemType.SCHEDULER_TIMEOUT)).isEqualTo(Fault.SCHEDULER);
        assertThat(Faults.of(503, ProblemType.COUNCIL_BUSY)).as("calls in flight held every permit for max-wait")
                .isEqualTo(Fault.SCHEDULER);
        assertThat(Faults.of(503, ProblemType.IDEMPOTENCY_CAPACITY)).isEqualTo(Fault.CLIENT);
        assertThat(Faults.of(409, ProblemType.SLOT_UNAVAILABLE)).isEqualTo(Fault.CLIENT);
        assertThat(Faults.of(501, ProblemType.CAPABILITY_NOT_SUPPORTED)).isEqualTo(Fault.CLIENT);
    }

    @Test
    void answersWithoutAProblemGoByStatus() {
        assertThat(Faults.of(201, null)).isEqualTo(Fault.NONE);
        assertThat(Faults.of(204, null)).isEqualTo(Fault.NONE);
        assertThat(Faults.of(404, null)).isEqualTo(Fault.CLIENT);
        assertThat(Faults.of(502, null)).isEqualTo(Fault.SCHEDULER);
        assertThat(Faults.of(500, null)).isEqualTo(Fault.SLOTBRIDGE);
        assertThat(Faults.of(503, null)).isEqualTo(Fault.SLOTBRIDGE);
    }
}
