package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ServiceMobilityProviderFactoryTest {
    private final ServiceMobilityProviderFactory factory = new ServiceMobilityProviderFactory();

    @Test
    void serviceLoaderFindsItAndTheTokenIsSecret() {
        assertThat(ServiceLoader.load(ProviderFactory.class)).extracting(ProviderFactory::name).contains("servicemobility");
        assertThat(factory.settings()).filteredOn(SettingDescriptor::secret).extracting(SettingDescriptor::key)
                .containsExactly("access-token");
    }

    @Test
    void settingsAreCheckedNamingTheKey() {
        Map<String, String> settings = new HashMap<>(ServiceMobilityContractTest.settings("https://sm.example"));
        settings.put("book-job-url", "https://sm.example/workorders/followup");
        assertThatThrownBy(() -> ServiceMobilityContractTest.provider(settings)).isInstanceOf(InvalidSettingsException.class)
                .hasMessage("council 'test': setting 'book-job-url' must contain {0}, where the work order number goes");

        settings.remove("access-token");
        settings.put("book-job-url", "https://sm.example/workorders/{0}/followup");
        assertThatThrownBy(() -> ServiceMobilityContractTest.provider(settings))
                .hasMessage("council 'test': setting 'access-token' is required");
    }

    @Test
    void theTokenNeverShowsInTheSettingsText() {
        var settings = ServiceMobilitySettings.from(ProviderSettings.of("test",
                ServiceMobilityContractTest.settings("https://sm.example"), factory.settings()));

        assertThat(settings.toString()).doesNotContain(FakeServiceMobility.TOKEN).contains("accessToken=***");
    }
}
