package dev.slotbridge.server.startup;

import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.server.startup.ConfigCheck.Row;
import dev.slotbridge.server.startup.ConfigCheck.Status;
import dev.slotbridge.spi.error.SchedulerCredentialsRejectedException;
import dev.slotbridge.spi.error.SchedulerResponseException;
import dev.slotbridge.spi.error.SchedulerTimeoutException;
import dev.slotbridge.spi.error.SchedulerUnavailableException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code check-config} words a failed probe and lays out its lines (the command itself: {@link ConfigCheckIT}). */
final class ConfigCheckTest {

    @Test
    void aReasonSaysWhatFailedThenTheMessageOnOneLineWithConfiguredSecretsMasked() {
        ConfiguredSecrets.register(List.of("Pr0be-test-Secret"));

        assertThat(ConfigCheck.reason(new SchedulerCredentialsRejectedException("the gateway said:\n  Pr0be-test-Secret is wrong")))
                .isEqualTo("the scheduler refused the credentials: the gateway said: *** is wrong");
        assertThat(ConfigCheck.reason(new SchedulerUnavailableException("connection refused", true, null)))
                .isEqualTo("the scheduler could not be reached: connection refused");
        assertThat(ConfigCheck.reason(new SchedulerTimeoutException("probe got no answer within PT5S", null)))
                .isEqualTo("the scheduler did not answer in time: probe got no answer within PT5S");
        assertThat(ConfigCheck.reason(new SchedulerResponseException("no sessionId", null)))
                .isEqualTo("the scheduler's answer could not be read: no sessionId");
        assertThat(ConfigCheck.reason(new IllegalStateException()))
                .isEqualTo("the provider failed (IllegalStateException)");
    }

    @Test
    void eachCouncilIsOneLineOfAlignedColumns() {
        assertThat(ConfigCheck.table(List.of(
                new Row("acme", "plugin-x", Status.NOT_PROBED, "the provider offers no probe"),
                new Row("leeds", "connect", Status.FAILED, "the scheduler refused the credentials"),
                new Row("lincoln", "drs", Status.OK, "212 ms")))).containsExactly(
                "acme     plugin-x  NOT PROBED  the provider offers no probe",
                "leeds    connect   FAILED      the scheduler refused the credentials",
                "lincoln  drs       OK          212 ms");
        assertThat(ConfigCheck.table(List.of(new Row("lincoln", "drs", Status.VALID, "")))).containsExactly("lincoln  drs  valid");
    }
}
