package dev.slotbridge.spi.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

final class SchedulerMessagesTest {

    @Test
    void aPlainMessageIsFoldedAndPassedOn() {
        assertThat(SchedulerMessages.forCaller("  The order\n is\ton hold ")).contains("The order is on hold");
    }

    @Test
    void secretsAreMasked() {
        assertThat(SchedulerMessages.forCaller("Session 8a4b805d is invalid", "8a4b805d")).contains("Session *** is invalid");
    }

    @Test
    void markupOverlongOrEmptyMessagesAreNotPassedOn() {
        assertThat(SchedulerMessages.forCaller("<html><body>Error</body></html>")).isEmpty();
        assertThat(SchedulerMessages.forCaller("x".repeat(SchedulerMessages.MAX_LENGTH + 1))).isEmpty();
        assertThat(SchedulerMessages.forCaller("x".repeat(SchedulerMessages.MAX_LENGTH))).isPresent();
        assertThat(SchedulerMessages.forCaller(" \n ")).isEmpty();
        assertThat(SchedulerMessages.forCaller(null)).isEmpty();
    }
}
