package dev.slotbridge.spi;

import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ProviderSettingsTest {
    private static final SettingDescriptor BASE_URL = SettingDescriptor.required("base-url", "the root");
    private static final SettingDescriptor PASSWORD = SettingDescriptor.required("password", "the password").asSecret();
    private static final SettingDescriptor WEEKS = SettingDescriptor.optional("weeks", "2", "weeks per call");
    private static final SettingDescriptor NOTE = SettingDescriptor.optional("note", null, "a note");
    private static final List<SettingDescriptor> DESCRIBED = List.of(BASE_URL, PASSWORD, WEEKS, NOTE);

    @Test
    void unknownKeysAreRefusedByName() {
        assertThatThrownBy(() -> ProviderSettings.of("lincoln", Map.of("base-ulr", "x"), DESCRIBED))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("base-ulr"))
                .hasMessageStartingWith("council 'lincoln': setting 'base-ulr' unknown setting");
    }

    @Test
    void aMissingOrBlankRequiredKeyIsRefusedAtOnceByName() {
        assertThatThrownBy(() -> ProviderSettings.of("lincoln", Map.of("base-url", "https://x", "password", " "), DESCRIBED))
                .hasMessage("council 'lincoln': setting 'password' is required");
    }

    @Test
    void typedAccessorsNameTheKeyAndNeverTheValue() {
        var settings = ProviderSettings.of("lincoln", Map.of("base-url", "ftp://x", "password", "hunter2", "weeks", "9"), DESCRIBED);

        assertThatThrownBy(() -> settings.httpUrl(BASE_URL)).hasMessage("council 'lincoln': setting 'base-url' must be an absolute http or https URL");
        assertThatThrownBy(() -> settings.integer(WEEKS, 1, 5)).hasMessage("council 'lincoln': setting 'weeks' must be between 1 and 5");
        assertThat(settings.string(PASSWORD)).isEqualTo("hunter2");
        assertThat(settings.toString()).doesNotContain("hunter2");
        assertThat(settings.optional(NOTE)).isEmpty();
    }

    @Test
    void defaultsComeFromTheDescriptors() {
        var settings = ProviderSettings.of("lincoln", Map.of("base-url", "https://x", "password", "hunter2"), DESCRIBED);

        assertThat(settings.integer(WEEKS, 1, 5)).isEqualTo(2);
        assertThatThrownBy(() -> settings.longValue(SettingDescriptor.optional("other", "1", "not described")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretValuesAreThoseOfTheSecretSettingsGiven() {
        var settings = ProviderSettings.of("lincoln", Map.of("base-url", "https://x", "password", "hunter2"), DESCRIBED);

        assertThat(settings.secretValues()).containsExactly("hunter2");
    }

    @Test
    void descriptorsAreCheckedWhenWritten() {
        assertThatThrownBy(() -> SettingDescriptor.required("Base_URL", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SettingDescriptor("key", true, "1", false, "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SettingDescriptor.optional("key", "1", "two\nlines")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ProviderSettings.of("lincoln", Map.of(), List.of(WEEKS, WEEKS))).isInstanceOf(IllegalArgumentException.class);
    }
}
