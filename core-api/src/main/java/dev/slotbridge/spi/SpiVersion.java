package dev.slotbridge.spi;

/**
 * The version of this SPI. A plugin jar declares the version it was built against in its manifest
 * ({@value #MANIFEST_ATTRIBUTE}); the server refuses a plugin whose version differs from {@link #CURRENT}. The number
 * changes only when a change would break compiled plugins.
 */
public final class SpiVersion {
    /** The SPI version of this build. */
    public static final int CURRENT = 3;
    /** The manifest attribute a plugin jar declares its SPI version in. */
    public static final String MANIFEST_ATTRIBUTE = "Slotbridge-Spi-Version";

    private SpiVersion() {
    }
}
