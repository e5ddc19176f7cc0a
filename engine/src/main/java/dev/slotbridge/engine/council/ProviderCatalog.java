package dev.slotbridge.engine.council;

import dev.slotbridge.engine.plugin.Plugin;
import dev.slotbridge.engine.plugin.PluginDirectory;
import dev.slotbridge.spi.ProviderFactory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every {@link ProviderFactory} the server can use, by name: those built in (on the server's class path) and those
 * from plugin jars. Two factories with the same name stop start-up, naming where each came from.
 */
@Singleton
public final class ProviderCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderCatalog.class);
    private static final String BUILT_IN = "built in";

    private record Entry(ProviderFactory factory, String source) {
    }

    private final Map<String, Entry> factories = new TreeMap<>();

    public ProviderCatalog(PluginDirectory plugins) {
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, ProviderCatalog.class.getClassLoader())) {
            register(factory, BUILT_IN);
        }
        for (Plugin plugin : plugins.plugins()) {
            for (ProviderFactory factory : plugin.factories()) {
                register(factory, "plugin " + plugin.source());
            }
        }
    }

    private void register(ProviderFactory factory, String source) {
        Entry previous = factories.putIfAbsent(factory.name(), new Entry(factory, source));
        if (previous != null) {
            throw new ConfigurationException("two providers are named '" + factory.name() + "': "
                    + previous.source() + " (" + previous.factory().getClass().getName() + ") and "
                    + source + " (" + factory.getClass().getName() + ")");
        }
        LOG.info("Provider '{}' found: {} ({})", factory.name(), source, factory.getClass().getName());
    }

    public Optional<ProviderFactory> find(String name) {
        return Optional.ofNullable(factories.get(name)).map(Entry::factory);
    }

    /** Every factory, in name order. */
    public List<ProviderFactory> all() {
        return factories.values().stream().map(Entry::factory).toList();
    }

    public Iterable<String> names() {
        return factories.keySet();
    }
}
