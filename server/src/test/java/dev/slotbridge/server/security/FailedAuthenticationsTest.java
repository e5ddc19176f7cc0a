package dev.slotbridge.server.security;

import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAuthenticationsTest {
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final FailedAuthentications failures = new FailedAuthentications(clock, OperatorYaml.load("""
            slotbridge:
              signing-key: a-signing-key-of-at-least-32-characters
              authentication:
                max-failures: 3
            """));

    @Test
    void anAddressIsBlockedFromItsLastAllowedFailureUntilItsWindowEnds() {
        failures.failed("192.0.2.1");
        clock.advance(Duration.ofSeconds(20));
        failures.failed("192.0.2.1");
        assertThat(failures.blocked("192.0.2.1")).isEmpty();

        failures.failed("192.0.2.1");

        assertThat(failures.blocked("192.0.2.1")).contains(Duration.ofSeconds(40));
        assertThat(failures.blocked("192.0.2.2")).isEmpty();
        clock.advance(Duration.ofSeconds(39));
        assertThat(failures.blocked("192.0.2.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(failures.blocked("192.0.2.1")).isEmpty();
    }

    @Test
    void failuresInAnEndedWindowDoNotCountTowardsTheNext() {
        failures.failed("192.0.2.1");
        failures.failed("192.0.2.1");
        clock.advance(Duration.ofMinutes(1));

        failures.failed("192.0.2.1");
        failures.failed("192.0.2.1");

        assertThat(failures.blocked("192.0.2.1")).isEmpty();
        failures.failed("192.0.2.1");
        assertThat(failures.blocked("192.0.2.1")).contains(Duration.ofMinutes(1));
    }
}
