package dev.slotbridge.engine.plugin;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SpiVersion;
import io.micronaut.context.exceptions.ConfigurationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads provider plugins from a folder. Each {@code *.jar} in it is one plugin; each sub-folder is one plugin made of
 * all the jars inside it (its own libraries beside it). Every plugin gets its own class loader under
 * {@link SpiOnlyClassLoader}, and its {@link ProviderFactory} implementations are found with {@link ServiceLoader}.
 *
 * <p>A jar that cannot be read, a plugin that offers no factory, or one whose manifest does not declare
 * {@value SpiVersion#MANIFEST_ATTRIBUTE}: {@value SpiVersion#CURRENT} stops start-up with a message naming the jar.
 * Class loaders stay open for the server's life: the providers they define are in use until shutdown.
 */
final class PluginLoader {
    private static final String SERVICE_FILE = "META-INF/services/" + ProviderFactory.class.getName();

    private final ClassLoader spiOnly;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    PluginLoader(ClassLoader server) {
        this.spiOnly = new SpiOnlyClassLoader(server);
    }

    /** Every plugin in {@code folder}, in name order; none when the folder does not exist. */
    List<Plugin> load(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Plugin> plugins = new ArrayList<>();
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : entries.sorted().toList()) {
                if (Files.isDirectory(entry)) {
                    plugins.add(load(entry, jarsIn(entry)));
                } else if (entry.getFileName().toString().endsWith(".jar")) {
                    plugins.add(load(entry, List.of(entry)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the plugins folder " + folder, e);
        }
        return plugins;
    }

    private static List<Path> jarsIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private Plugin load(Path source, List<Path> jars) {
        boolean declaresFactories = false;
        for (Path jar : jars) {
            declaresFactories |= checkJar(jar);
        }
        if (!declaresFactories) {
            throw new ConfigurationException("plugin " + source + " has no " + SERVICE_FILE);
        }
        URLClassLoader loader = new URLClassLoader("plugin:" + source.getFileName(), urls(jars), spiOnly);
        loaders.add(loader);
        List<ProviderFactory> factories = new ArrayList<>();
        try {
            ServiceLoader.load(ProviderFactory.class, loader).forEach(factories::add);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new ConfigurationException("plugin " + source + " cannot be loaded (built against another "
                    + "Slotbridge SPI or missing a library?): " + e.getMessage());
        }
        if (factories.isEmpty()) {
            throw new ConfigurationException("plugin " + source + " provides no " + ProviderFactory.class.getName());
        }
        return new Plugin(source, factories);
    }

    /** Checks the jar is readable and, when it declares factories, its SPI version; says whether it declares any. */
    private static boolean checkJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            if (file.getEntry(SERVICE_FILE) == null) {
                return false;
            }
            Attributes attributes = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
            String declared = attributes == null ? null : attributes.getValue(SpiVersion.MANIFEST_ATTRIBUTE);
            if (declared == null) {
                throw new ConfigurationException("plugin " + jar + " does not declare " + SpiVersion.MANIFEST_ATTRIBUTE
                        + " in its manifest (this server has SPI version " + SpiVersion.CURRENT + ")");
            }
            if (!declared.strip().equals(Integer.toString(SpiVersion.CURRENT))) {
                throw new ConfigurationException("plugin " + jar + " was built for Slotbridge SPI version "
                        + declared.strip() + ", but this server has SPI version " + SpiVersion.CURRENT);
            }
            return true;
        } catch (IOException e) {
            throw new ConfigurationException("plugin " + jar + " cannot be read: " + e.getMessage());
        }
    }

    private static URL[] urls(List<Path> jars) {
        try {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the plugins' class loaders; only once no provider of theirs is in use. */
    void close() {
        for (URLClassLoader loader : loaders) {
            try {
                loader.close();
            } catch (IOException e) {
                // nothing more can be done at shutdown
            }
        }
    }
}
