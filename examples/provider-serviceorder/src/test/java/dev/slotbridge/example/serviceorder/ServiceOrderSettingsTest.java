package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.ProviderSettings;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ServiceOrderSettingsTest {

    private static ServiceOrderSettings settings(Map<String, String> changes) {
        Map<String, String> values = new HashMap<>(ServiceOrderContractTest.settings("https://orders.example/api/"));
        values.putAll(changes);
        return ServiceOrderSettings.from(ProviderSettings.of("test", values, ServiceOrderSettings.DESCRIPTORS));
    }

    @Test
    void windowsDaysAndThePathAreRead() {
        ServiceOrderSettings settings = settings(Map.of("working-days", "MON,WED-THU", "windows", "EARLY=07:30-10:00"));

        assertThat(settings.workingDays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY);
        assertThat(settings.windows()).singleElement().satisfies(window -> assertThat(window.label()).isEqualTo("EARLY"));
        assertThat(settings.serviceOrders()).hasToString("https://orders.example/api/tenants/t1/stores/s1/service-orders");
        assertThat(settings.toString()).doesNotContain(FakeServiceOrderApi.KEY);
    }

    @Test
    void badValuesNameTheirKey() {
        assertThatThrownBy(() -> settings(Map.of("windows", "AM=12:00-08:00"))).hasMessageContaining("setting 'windows'");
        assertThatThrownBy(() -> settings(Map.of("windows", "mornings"))).hasMessageContaining("setting 'windows'");
        assertThatThrownBy(() -> settings(Map.of("working-days", "MONDAY"))).hasMessageContaining("setting 'working-days'");
        assertThatThrownBy(() -> settings(Map.of("tenant", "t 1"))).hasMessageContaining("setting 'tenant' must match");
    }
}
