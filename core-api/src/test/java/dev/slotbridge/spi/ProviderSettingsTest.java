package dev.slotbridge.spi;

import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ProviderSettingsTest {
    private static final Set<String> KEYS = Set.of("base-url", "password", "weeks");

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> ProviderSettings.of("lincoln", Map.of("base-ulr", "x"), KEYS))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("council 'lincoln': setting 'base-ulr' unknown setting");
    }

    @Test
    void typedAccessorsNameTheKeyAndNeverTheValue() {
        var settings = ProviderSettings.of("lincoln", Map.of("base-url", "ftp://x", "password", "hunter2", "weeks", "9"), KEYS);

        assertThatThrownBy(() -> settings.httpUrl("base-url")).hasMessage("council 'lincoln': setting 'base-url' must be an absolute http or https URL");
        assertThatThrownBy(() -> settings.integer("weeks", 2, 1, 5)).hasMessage("council 'lincoln': setting 'weeks' must be between 1 and 5");
        assertThat(settings.require("password")).isEqualTo("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
        assertThat(settings.optional("absent")).isEmpty();
    }
}
