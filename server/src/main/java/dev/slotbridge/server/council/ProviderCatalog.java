package dev.slotbridge.server.council;

import dev.slotbridge.spi.ProviderFactory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Every {@link ProviderFactory} on the class path, by name, found once with {@link ServiceLoader}. */
@Singleton
public final class ProviderCatalog {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderCatalog.class);

    private final Map<String, ProviderFactory> factories = new TreeMap<>();

    public ProviderCatalog() {
        for (ProviderFactory factory : ServiceLoader.load(ProviderFactory.class, ProviderCatalog.class.getClassLoader())) {
            ProviderFactory previous = factories.putIfAbsent(factory.name(), factory);
            if (previous != null) {
                throw new ConfigurationException("two providers are named '" + factory.name() + "': "
                        + previous.getClass().getName() + " and " + factory.getClass().getName());
            }
            LOG.info("Provider '{}' found: {}", factory.name(), factory.getClass().getName());
        }
    }

    public Optional<ProviderFactory> find(String name) {
        return Optional.ofNullable(factories.get(name));
    }

    public Iterable<String> names() {
        return factories.keySet();
    }
}
