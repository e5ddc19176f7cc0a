package dev.slotbridge.server.startup;

import dev.slotbridge.config.ConfigurationDescription;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.council.ProviderCatalog;
import dev.slotbridge.engine.events.EventType;
import dev.slotbridge.engine.events.OutboxBound;
import dev.slotbridge.engine.idempotency.IdempotencyProperties;
import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.engine.security.Permission;
import dev.slotbridge.engine.store.StoreProperties;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

import java.util.Arrays;

/**
 * The description of the configuration (with the loaded providers' settings, the permissions and the webhook events)
 * and the configuration itself, validated once, before any component reads it: every component that reads
 * configuration takes {@link SlotbridgeConfiguration}.
 */
@Factory
final class ConfigurationFactory {
    /** The environment of {@code ./run-sandbox}: the only one that may run without a signing key. */
    static final String DEMO_ENVIRONMENT = "demo";

    @Singleton
    ConfigurationDescription description(ProviderCatalog catalog) {
        return ConfigurationDescription.of(catalog.all(),
                Arrays.stream(Permission.values()).map(Permission::configName).toList(),
                Arrays.stream(EventType.values()).map(EventType::subscription).toList());
    }

    @Singleton
    SlotbridgeConfiguration configuration(ConfigurationDescription description, Environment environment) {
        SlotbridgeConfiguration configuration = SlotbridgeConfiguration.load(description, environment, System.getenv(),
                environment.getActiveNames().contains(DEMO_ENVIRONMENT));
        ConfiguredSecrets.register(configuration.secretValues());
        return configuration;
    }

    @Singleton
    StoreProperties store(SlotbridgeConfiguration configuration) {
        return StoreProperties.from(configuration.root().section("store"));
    }

    @Singleton
    IdempotencyProperties idempotency(SlotbridgeConfiguration configuration) {
        return IdempotencyProperties.from(configuration.root().section("idempotency"));
    }

    @Singleton
    OutboxBound outboxBound(SlotbridgeConfiguration configuration) {
        return OutboxBound.from(configuration.root().section("webhooks"));
    }
}
