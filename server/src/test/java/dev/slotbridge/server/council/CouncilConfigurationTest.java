package dev.slotbridge.server.council;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A council that cannot be served stops start-up with a message naming the council and the key. */
final class CouncilConfigurationTest {

    private static ApplicationContext start(Map<String, Object> properties) {
        return ApplicationContext.run(properties, "test");
    }

    @Test
    void anUnknownProviderStopsStartUp() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "nosuch")))
                .hasStackTraceContaining("council 'lincoln': unknown provider 'nosuch'");
    }

    @Test
    void aRejectedSettingStopsStartUpNamingCouncilAndKey() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.settings.capacity-per-slot", "lots")))
                .hasStackTraceContaining("council 'lincoln': setting 'capacity-per-slot' must be a whole number");
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.settings.seeed", "1")))
                .hasStackTraceContaining("council 'lincoln': setting 'seeed' unknown setting");
    }

    @Test
    void aBadTimeZoneOrAKeyInClearStopsStartUp() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.zone", "Mars/Olympus")))
                .hasStackTraceContaining("council 'lincoln': 'zone' is not a time zone id");
        assertThatThrownBy(() -> start(Map.of("slotbridge.clients.leaky.key-sha256", "my-secret-key")))
                .hasStackTraceContaining("client 'leaky': 'key-sha256' must be the 64-character hex SHA-256");
    }

    @Test
    void aBadResilienceSettingStopsStartUpNamingCouncilAndKey() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.resilience.retry.max-attempts", "0")))
                .hasStackTraceContaining("slotbridge.councils.lincoln.resilience.retry.max-attempts (council 'lincoln'): 0 is out of range");
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.resilience.circuit-breaker.minimum-number-of-calls", "50")))
                .hasStackTraceContaining("resilience.circuit-breaker.minimum-number-of-calls (council 'lincoln'): must not exceed sliding-window-size");
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.resilience.timeout", "soon")))
                .hasStackTraceContaining("slotbridge.resilience.timeout (server-wide): 'soon' is not a duration");
    }

    @Test
    void placeholdersAndAZoneAreApplied() {
        try (ApplicationContext context = start(Map.of(
                "slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.zone", "Europe/Dublin",
                "slotbridge.councils.lincoln.settings.seed", "${SANDBOX_SEED:11}"))) {
            Council lincoln = context.getBean(CouncilRegistry.class).find("lincoln").orElseThrow();
            assertThat(lincoln.zone().getId()).isEqualTo("Europe/Dublin");
            assertThat(lincoln.name()).isEqualTo("lincoln");
            assertThat(lincoln.providerName()).isEqualTo("sandbox");
        }
    }

    @Test
    void unknownKeysUnderResilienceRateLimitAndIdempotencyStopStartUp() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.councils.lincoln.resilience.time-out", "5s",
                "slotbridge.resilience.circuit-breaker.failure-rate-treshold", "40",
                "slotbridge.clients.ops.rate-limit.request", "5",
                "slotbridge.idempotency.max-entry", "5")))
                .hasStackTraceContaining("slotbridge.councils.lincoln.resilience.time-out: unknown key")
                .hasStackTraceContaining("slotbridge.resilience.circuit-breaker.failure-rate-treshold: unknown key")
                .hasStackTraceContaining("slotbridge.clients.ops.rate-limit.request: unknown key")
                .hasStackTraceContaining("slotbridge.idempotency.max-entry: unknown key");
    }

    @Test
    void anUnknownStoreKeyOrTypeStopsStartUp() {
        assertThatThrownBy(() -> start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.store.type", "redsi",
                "slotbridge.store.redis.url", "redis://127.0.0.1:6379")))
                .hasStackTraceContaining("slotbridge.store.type: 'redsi' is not a store; use one of [memory, redis]")
                .hasStackTraceContaining("slotbridge.store.redis.url: unknown key");
    }

    @Test
    void theRedisStoreStartsWhileRedisIsDown() {
        try (ApplicationContext context = start(Map.of("slotbridge.councils.lincoln.provider", "sandbox",
                "slotbridge.store.type", "redis", "slotbridge.store.redis.uri", "redis://127.0.0.1:1/0"))) {
            assertThat(context.getBean(CouncilRegistry.class).find("lincoln")).isPresent();
        }
    }
}
