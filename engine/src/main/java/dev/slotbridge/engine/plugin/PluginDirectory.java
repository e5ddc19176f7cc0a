package dev.slotbridge.engine.plugin;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The plugins in {@code slotbridge.plugins-dir} (default {@code plugins}, relative to the working directory), loaded
 * once at start-up. A missing folder means no plugins.
 */
@Singleton
public final class PluginDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(PluginDirectory.class);

    private final PluginLoader loader = new PluginLoader(PluginDirectory.class.getClassLoader());
    private final List<Plugin> plugins;

    PluginDirectory(@Value("${slotbridge.plugins-dir:plugins}") String folder) {
        Path path = Path.of(folder).toAbsolutePath().normalize();
        this.plugins = loader.load(path);
        if (!Files.isDirectory(path)) {
            LOG.info("No plugins folder at {}: built-in providers only", path);
        }
    }

    public List<Plugin> plugins() {
        return plugins;
    }

    @PreDestroy
    void close() {
        loader.close();
    }
}
