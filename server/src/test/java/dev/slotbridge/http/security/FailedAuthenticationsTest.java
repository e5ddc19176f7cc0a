package dev.slotbridge.http.security;

import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.tck.TestClock;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FailedAuthenticationsTest {
    private static final InetAddress ONE = address("192.0.2.1");
    private static final InetAddress OTHER = address("192.0.2.2");
    private final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final SlotbridgeConfiguration configuration = OperatorYaml.load("""
            slotbridge:
              signing-key: a-signing-key-of-at-least-32-characters
              authentication:
                max-failures: 3
            """);
    private final FailedAuthentications failures = new FailedAuthentications(clock, new ClientAddresses(configuration),
            configuration);

    @Test
    void anAddressPastTheLimitIsRefusedUntilItsWindowEnds() {
        failures.failed(ONE, "guess-1");
        clock.advance(Duration.ofSeconds(20));
        failures.failed(ONE, "guess-2");
        assertThat(failures.failed(ONE, "guess-3")).isEmpty();

        assertThat(failures.failed(ONE, "guess-4")).contains(Duration.ofSeconds(40));

        assertThat(failures.failed(OTHER, "guess-5")).isEmpty();
        clock.advance(Duration.ofSeconds(39));
        assertThat(failures.failed(ONE, null)).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(failures.failed(ONE, null)).as("a new window").isEmpty();
    }

    @Test
    void theSameWrongCredentialIsCountedFromEveryAddress() {
        for (int i = 1; i <= 3; i++) {
            assertThat(failures.failed(address("198.51.100." + i), "an-old-key")).isEmpty();
        }

        assertThat(failures.failed(address("198.51.100.4"), "an-old-key")).contains(Duration.ofMinutes(1));
        assertThat(failures.failed(address("198.51.100.4"), "another-key")).as("the address itself is under its limit")
                .isEmpty();
    }

    @Test
    void theAddressesOfOneIpv6NetworkCountAsOne() {
        for (int i = 1; i <= 3; i++) {
            assertThat(failures.failed(address("2001:db8:1:2::" + i), null)).isEmpty();
        }

        assertThat(failures.failed(address("2001:db8:1:2:ffff:ffff:ffff:ffff"), null)).isPresent();
        assertThat(failures.failed(address("2001:db8:1:3::1"), null)).as("another /64").isEmpty();
    }

    @Test
    void failuresInAnEndedWindowDoNotCountTowardsTheNext() {
        failures.failed(ONE, null);
        failures.failed(ONE, null);
        clock.advance(Duration.ofMinutes(1));

        failures.failed(ONE, null);
        failures.failed(ONE, null);
        failures.failed(ONE, null);

        assertThat(failures.failed(ONE, null)).contains(Duration.ofMinutes(1));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
