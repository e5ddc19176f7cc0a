package dev.slotbridge.engine.plugin;

import dev.slotbridge.spi.ProviderFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * A loaded plugin: where it came from, and the provider factories it offers.
 *
 * @param source a jar, or a folder of jars (a plugin with its own libraries)
 */
public record Plugin(Path source, List<ProviderFactory> factories) {
    public Plugin {
        factories = List.copyOf(factories);
    }
}
