package dev.slotbridge.engine.council;

import dev.slotbridge.config.ConfigSection;
import dev.slotbridge.config.SlotbridgeConfiguration;
import dev.slotbridge.engine.logging.ConfiguredSecrets;
import dev.slotbridge.engine.resilience.SchedulerGuards;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.error.InvalidSettingsException;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The councils the server serves, each with its provider built once at start-up and wrapped in the council's own
 * resilience guard. Built eagerly ({@link Context}), so an unknown provider or a rejected setting stops start-up with
 * a message naming the council and the key.
 */
@Context
public final class CouncilRegistry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CouncilRegistry.class);

    private final Map<String, Council> councils = new TreeMap<>();

    /**
     * Builds every council, and when some cannot be built reports every problem at once, one line each (a
     * server-wide problem once, however many councils it touches).
     *
     * @param configuration validated already: the councils' keys and values are known to be well formed
     */
    public CouncilRegistry(SlotbridgeConfiguration configuration, ProviderCatalog catalog, SchedulerGuards guards,
                           ProviderMemories memories, Clock clock) {
        Set<String> problems = new LinkedHashSet<>();
        try {
            guards.checkServerWideSettings();
        } catch (ConfigurationException e) {
            problems.add(e.getMessage());
        }
        for (ConfigSection properties : configuration.root().entries("councils").values()) {
            try {
                Council council = build(properties, catalog, guards, memories, clock);
                councils.put(council.id(), council);
            } catch (ConfigurationException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            close();
            throw new ConfigurationException(String.join("\n", problems));
        }
        councils.values().forEach(council -> LOG.info("Council '{}' served by provider '{}' with {}", council.id(),
                council.providerName(), council.operations()));
    }

    private static Council build(ConfigSection properties, ProviderCatalog catalog, SchedulerGuards guards,
                                 ProviderMemories memories, Clock clock) {
        String id = properties.name();
        ProviderFactory factory = catalog.find(properties.text("provider").orElseThrow()).orElseThrow();
        ZoneId zone = ZoneId.of(properties.text("zone").orElseThrow());
        try {
            ProviderSettings providerSettings = ProviderSettings.of(id, properties.settings("settings"), factory.settings());
            ConfiguredSecrets.register(providerSettings.secretValues());
            SchedulerProvider provider = guards.protect(id, factory.name(), factory.callsRemoteScheduler(),
                    properties.section("resilience"),
                    (callTimeout, permits) -> factory.create(new ProviderContext(id, providerSettings, clock, zone,
                            callTimeout, permits, memories.forCouncil(id))));
            return new Council(id, properties.text("name").orElse(id), factory.name(), zone, provider);
        } catch (InvalidSettingsException e) {
            throw new ConfigurationException(e.getMessage());
        }
    }

    public Optional<Council> find(String id) {
        return Optional.ofNullable(councils.get(id));
    }

    public Collection<Council> all() {
        return councils.values();
    }

    @PreDestroy
    @Override
    public void close() {
        for (Council council : councils.values()) {
            try {
                council.provider().close();
            } catch (RuntimeException e) {
                LOG.warn("Council '{}': closing its provider failed: {}", council.id(), e.toString());
            }
        }
    }
}
