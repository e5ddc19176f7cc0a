package dev.slotbridge.engine.council;

import dev.slotbridge.server.testing.OperatorYaml;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Councils as an operator's YAML file configures them: what the configuration's validation cannot know (a value the
 * provider refuses) stops start-up naming council and key; placeholders, zone and store are applied. The validation
 * itself is {@code ConfigurationValidationTest}'s.
 */
final class CouncilConfigurationTest {
    private static final String HEAD = """
            slotbridge:
              signing-key: a-signing-key-of-at-least-32-characters
            """;

    private static ApplicationContext start(String yaml) {
        return ApplicationContext.builder("test").propertySources(OperatorYaml.text(HEAD + yaml)).start();
    }

    @Test
    void aSettingTheProviderRefusesStopsStartUpNamingCouncilAndKey() {
        assertThatThrownBy(() -> start("""
                  councils:
                    lincoln:
                      provider: sandbox
                      settings: {capacity-per-slot: lots}
                """)).hasStackTraceContaining("council 'lincoln': setting 'capacity-per-slot' must be a whole number");
    }

    @Test
    void aRestCouncilIsCheckedAgainstItsSchemaThenCompiledStrictly() {
        String council = """
                  councils:
                    ashby:
                      provider: rest
                      settings:
                        base-url: https://sm.ashby.example.org
                        slot: {start: $.Period.Start, end: $.Period.End}
                        operations:
                          search: {method: POST, path: /search, result: "$.TimeConstraints[*]"}
                """;
        try (ApplicationContext context = start(council)) {
            assertThat(context.getBean(CouncilRegistry.class).find("ashby").orElseThrow().operations())
                    .containsExactly(dev.slotbridge.spi.Capability.SEARCH);
        }
        assertThatThrownBy(() -> start(council.replace("result:", "reslt:")))
                .hasStackTraceContaining("slotbridge.councils.ashby.settings.operations.search.reslt");
        assertThatThrownBy(() -> start(council.replace("$.Period.End", "$.Period End")))
                .hasStackTraceContaining("council 'ashby': setting 'slot.end' is not a JSONPath expression");
        assertThatThrownBy(() -> start(council.replace("path: /search", "path: \"/search/{bookingId}\"")))
                .hasStackTraceContaining("council 'ashby': setting 'operations.search.path' uses {bookingId}");
    }

    @Test
    void startUpNamesEveryProblemAtOnce() {
        assertThatThrownBy(() -> start("""
                  stroe: {type: redis}
                  councils:
                    lincoln:
                      provder: sandbox
                      resilience: {time-out: 5s}
                """)).hasStackTraceContaining("slotbridge.stroe: unknown key — did you mean 'store'?")
                .hasStackTraceContaining("slotbridge.councils.lincoln.provder: unknown key — did you mean 'provider'?")
                .hasStackTraceContaining("slotbridge.councils.lincoln.provider: is required")
                .hasStackTraceContaining("slotbridge.councils.lincoln.resilience.time-out: unknown key — did you mean 'timeout'?");
    }

    @Test
    void placeholdersAndAZoneAreApplied() {
        try (ApplicationContext context = start("""
                  councils:
                    lincoln:
                      provider: sandbox
                      zone: Europe/Dublin
                      settings:
                        seed: ${SANDBOX_SEED:11}
                """)) {
            Council lincoln = context.getBean(CouncilRegistry.class).find("lincoln").orElseThrow();
            assertThat(lincoln.zone().getId()).isEqualTo("Europe/Dublin");
            assertThat(lincoln.name()).isEqualTo("lincoln");
            assertThat(lincoln.providerName()).isEqualTo("sandbox");
        }
    }

    @Test
    void theRedisStoreStartsWhileRedisIsDown() {
        try (ApplicationContext context = start("""
                  store:
                    type: redis
                    redis: {uri: "redis://127.0.0.1:1/0"}
                  councils:
                    lincoln: {provider: sandbox}
                """)) {
            assertThat(context.getBean(CouncilRegistry.class).find("lincoln")).isPresent();
        }
    }
}
