package dev.slotbridge.config;

import dev.slotbridge.server.testing.OperatorYaml;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The configuration is validated as a whole, as operators write it (YAML read by Micronaut's own loader): every
 * problem named at once with its full key, a misspelt key with the nearest known one, secrets never shown.
 */
class ConfigurationValidationTest {
    private static final String KEY_SHA256 = "ddf8b9269584c82033b58a6641cb7c6a0df44c85e78bbb9ea54a32a7d82ccd1c";

    /** A valid configuration with {@code extra} lines added under the council {@code lincoln} or the client. */
    private static String valid(String client, String council) {
        return """
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  clients:
                    portal:
                      key-sha256: %s
                      councils: [lincoln]
                %s
                  councils:
                    lincoln:
                      provider: sandbox
                %s
                """.formatted(KEY_SHA256, client.indent(6).stripTrailing(), council.indent(6).stripTrailing());
    }

    @Test
    void aValidConfigurationPasses() {
        assertThat(OperatorYaml.problems(valid("permissions: [search, book, manage-own]", "zone: Europe/London")))
                .isEmpty();
    }

    @Test
    void aMisspeltPermissionsKeyStopsStartUpInsteadOfGrantingEverything() {
        assertThat(OperatorYaml.problems(valid("permisions: [search, book, manage-own]", "")))
                .containsExactly("slotbridge.clients.portal.permisions: unknown key — did you mean 'permissions'?");
    }

    @Test
    void aClientWithoutAnyPermissionStopsStartUpNamingIt() {
        assertThat(OperatorYaml.problems(valid("", ""))).containsExactly("slotbridge.clients.portal: has no permission "
                + "at any council; give it 'permissions' (a portal: [search, book, manage-own]; everything: all)");
    }

    @Test
    void misspeltSectionsAreNamedWithTheNearestKnownKey() {
        String yaml = valid("permissions: all", """
                cahce: {ttl: 5m}
                hold: {ttl: 10m}
                callback: {secret: a-callback-secret-of-16}
                holds: {tll: 5m}
                """).replace("  clients:", "  stroe: {type: redis}\n  clients:")
                .replace("      permissions: all", "      permissions: all\n      rate-limt: {requests: 5}");
        assertThat(OperatorYaml.problems(yaml)).containsExactlyInAnyOrder(
                "slotbridge.stroe: unknown key — did you mean 'store'?",
                "slotbridge.clients.portal.rate-limt: unknown key — did you mean 'rate-limit'?",
                "slotbridge.councils.lincoln.cahce: unknown key — did you mean 'cache'?",
                "slotbridge.councils.lincoln.hold: unknown key — did you mean 'holds'?",
                "slotbridge.councils.lincoln.callback: unknown key — did you mean 'callbacks'?",
                "slotbridge.councils.lincoln.holds.tll: unknown key — did you mean 'ttl'?");
    }

    @Test
    void aMisspeltProviderKeyIsNamedNotJustTheMissingProvider() {
        String yaml = valid("permissions: all", "").replace("      provider: sandbox", "      provder: sandbox");
        assertThat(OperatorYaml.problems(yaml)).containsExactlyInAnyOrder(
                "slotbridge.councils.lincoln.provder: unknown key — did you mean 'provider'?",
                "slotbridge.councils.lincoln.provider: is required");
    }

    @Test
    void aClientsCouncilMustBeConfigured() {
        String yaml = valid("permissions: all", "").replace("councils: [lincoln]", "councils: [lincon]");
        assertThat(OperatorYaml.problems(yaml)).containsExactly(
                "slotbridge.clients.portal.councils: 'lincon' is not a configured council — did you mean 'lincoln'?");
    }

    @Test
    void checksBetweenKeysAreReportedWithTheSchemasProblems() {
        String yaml = valid("permissions: all", "").replace("councils: [lincoln]", "councils: [lincon]")
                .replace("  clients:", "  stroe: {type: redis}\n  clients:");
        assertThat(OperatorYaml.problems(yaml)).containsExactlyInAnyOrder(
                "slotbridge.stroe: unknown key — did you mean 'store'?",
                "slotbridge.clients.portal.councils: 'lincon' is not a configured council — did you mean 'lincoln'?");
    }

    @Test
    void badValuesAreNamedWithWhatIsAccepted() {
        String yaml = valid("permissions: [search, bok]", """
                zone: Mars/Olympus
                holds: {ttl: 2h}
                resilience: {timeout: 5xs, retry: {max-attempts: 0}}
                settings: {seeed: 1}
                """).replace("  clients:", "  store: {type: redsi}\n  clients:");
        assertThat(OperatorYaml.problems(yaml)).containsExactlyInAnyOrder(
                "slotbridge.store.type: 'redsi' is not one of [memory, redis]",
                "slotbridge.clients.portal.permissions[1]: 'bok' is not one of [search, book, manage-own, manage-all, personal-data, all]",
                "slotbridge.councils.lincoln.zone: 'Mars/Olympus' is not a time zone id such as Europe/London",
                "slotbridge.councils.lincoln.holds.ttl: '2h' is not a duration from 10s to 30m (e.g. 200ms, 5s, 10m)",
                "slotbridge.councils.lincoln.resilience.timeout: '5xs' is not a duration from 1ms to 10m (e.g. 200ms, 5s, 10m)",
                "slotbridge.councils.lincoln.resilience.retry.max-attempts: '0' is not a whole number from 1 to 10",
                "slotbridge.councils.lincoln.settings.seeed: unknown key — did you mean 'seed'?");
    }

    @Test
    void aSecretValueIsNeverShown() {
        String yaml = valid("permissions: all", "callbacks: {secret: short-secret}");
        assertThat(OperatorYaml.problems(yaml)).containsExactly("slotbridge.councils.lincoln.callbacks.secret: is not a "
                + "text of at least 16 characters (the value is secret, so not shown)");
    }

    @Test
    void theWebhookBlockOfTheDocsIsAcceptedAsAFlowOrABlockList() {
        String webhooks = """
                permissions: [search, book, manage-own]
                webhooks:
                  - url: https://portal.example.org/slotbridge-events
                    secret: a-webhook-secret
                    events: [booking.created, booking.rescheduled, booking.cancelled, booking.changed]
                    timeout: 10s
                    max-concurrent: 4
                  - url: https://portal.example.org/other
                    secret: another-webhook-secret
                    events:
                      - booking.changed
                """;
        SlotbridgeConfiguration configuration = OperatorYaml.load(valid(webhooks, ""));
        List<ConfigSection> endpoints = configuration.root().entries("clients").get("portal").sections("webhooks");
        assertThat(endpoints).extracting(endpoint -> endpoint.list("events")).containsExactly(
                List.of("booking.created", "booking.rescheduled", "booking.cancelled", "booking.changed"),
                List.of("booking.changed"));
        assertThat(endpoints.getFirst().path()).isEqualTo("slotbridge.clients.portal.webhooks[0]");
    }

    @Test
    void aMisspeltWebhookKeyIsNamedWithItsIndex() {
        String webhooks = """
                permissions: all
                webhooks:
                  - url: https://portal.example.org/slotbridge-events
                    secret: a-webhook-secret
                    event: [booking.created]
                """;
        assertThat(OperatorYaml.problems(valid(webhooks, ""))).containsExactlyInAnyOrder(
                "slotbridge.clients.portal.webhooks[0].event: unknown key — did you mean 'events'?",
                "slotbridge.clients.portal.webhooks[0].events: is required");
    }

    @Test
    void outsideTheDemoASigningKeyIsRequired() {
        String yaml = valid("permissions: all", "").replace("  signing-key: a-signing-key-of-at-least-32-characters\n", "");
        assertThat(OperatorYaml.problems(yaml)).singleElement().asString()
                .startsWith("slotbridge.signing-key: is required outside the demo environment");
    }

    @Test
    void signingKeysRotateAsAList() {
        String yaml = valid("permissions: all", "").replace("signing-key: a-signing-key-of-at-least-32-characters",
                "signing-key: [the-new-signing-key-of-32-characters, the-old-signing-key-of-32-characters]");
        assertThat(OperatorYaml.load(yaml).root().list("signing-key"))
                .containsExactly("the-new-signing-key-of-32-characters", "the-old-signing-key-of-32-characters");
        assertThat(OperatorYaml.load(yaml, Map.of("SIGNING_KEY_NEW", "x", "SLOTBRIDGE_SIGNING_KEY_OLD", "y"))
                .root().list("signing-key")).as("variables that name no key leave the list alone").hasSize(2);
        assertThat(OperatorYaml.load(yaml, Map.of("SLOTBRIDGE_SIGNING_KEY", "the-only-signing-key-of-32-characters"))
                .root().list("signing-key")).as("as Micronaut reads it, this variable is the key itself")
                .containsExactly("the-only-signing-key-of-32-characters");
    }

    @Test
    void environmentVariablesOverrideKeysAndTheirValuesAreValidated() {
        String yaml = valid("permissions: all", "");
        SlotbridgeConfiguration configuration = OperatorYaml.load(yaml, Map.of("SLOTBRIDGE_STORE_TYPE", "redis",
                "SLOTBRIDGE_REDIS_URI", "redis://feeds-a-placeholder-only:6379/0"));
        assertThat(configuration.root().section("store").text("type")).contains("redis");
        assertThatThrownBy(() -> OperatorYaml.load(yaml, Map.of("SLOTBRIDGE_STORE_TYPE", "redsi")))
                .hasMessage("slotbridge.store.type: 'redsi' is not one of [memory, redis]");
    }

    @Test
    void permissionsAllGrantsEveryPermissionAndCouncilPermissionsOverrideIt() {
        String yaml = valid("""
                permissions: all
                council-permissions:
                  lincoln: [search]
                """, "");
        ConfigSection portal = OperatorYaml.load(yaml).root().entries("clients").get("portal");
        assertThat(portal.list("permissions")).containsExactly("all");
        assertThat(portal.lists("council-permissions")).containsEntry("lincoln", List.of("search"));
    }

    @Test
    void aProviderMayGiveTheSchemaOfItsNestedSettings() {
        ProviderFactory nested = new ProviderFactory() {
            @Override
            public String name() {
                return "nested";
            }

            @Override
            public List<SettingDescriptor> settings() {
                return List.of();
            }

            @Override
            public Optional<String> settingsSchema() {
                return Optional.of("""
                        {"type": "object", "additionalProperties": false, "properties": {"operations": {"type": "array",
                          "items": {"type": "object", "required": ["path"], "properties": {"path": {"type": "string"}}}}}}
                        """);
            }

            @Override
            public SchedulerProvider create(ProviderContext context) {
                throw new UnsupportedOperationException("only described here");
            }
        };
        ConfigurationDescription description = ConfigurationDescription.of(List.of(nested), List.of("search"), List.of());
        String yaml = """
                slotbridge:
                  signing-key: a-signing-key-of-at-least-32-characters
                  councils:
                    lincoln:
                      provider: nested
                      settings:
                        operations:
                          - path: /slots
                """;
        assertThat(OperatorYaml.problems(description, yaml)).isEmpty();
        assertThat(OperatorYaml.problems(description, yaml.replace("path: /slots", "method: GET")))
                .containsExactly("slotbridge.councils.lincoln.settings.operations[0].path: is required");
        assertThat(new ConfigurationSchema(description).json()).contains("\"operations\"");
    }
}
