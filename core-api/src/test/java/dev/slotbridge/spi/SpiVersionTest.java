package dev.slotbridge.spi;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The build stamps plugin manifests with {@code slotbridge.spi.version}: it must be the SPI's own version. */
final class SpiVersionTest {

    @Test
    void theBuildsSpiVersionIsTheSpis() throws IOException {
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/spi-version.properties")) {
            build.load(in);
        }
        assertThat(build.getProperty("slotbridge.spi.version")).isEqualTo(Integer.toString(SpiVersion.CURRENT));
    }
}
