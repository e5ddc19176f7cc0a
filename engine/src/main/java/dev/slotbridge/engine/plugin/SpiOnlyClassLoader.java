package dev.slotbridge.engine.plugin;

/**
 * The parent of every plugin's class loader: it shows the JDK (through the platform class loader) and the SPI
 * ({@code dev.slotbridge.spi.*}, from the server), and nothing else of the server. A plugin therefore sees its own
 * libraries, never the server's Micronaut, Jackson or logging, and can bring any version of them.
 */
final class SpiOnlyClassLoader extends ClassLoader {
    private static final String SPI_PACKAGE = "dev.slotbridge.spi.";

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader server;

    SpiOnlyClassLoader(ClassLoader server) {
        super("slotbridge-spi", ClassLoader.getPlatformClassLoader());
        this.server = server;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith(SPI_PACKAGE)) {
            return server.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }
}
