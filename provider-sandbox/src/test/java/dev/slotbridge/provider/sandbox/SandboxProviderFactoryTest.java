package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.error.InvalidSettingsException;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class SandboxProviderFactoryTest {

    @Test
    void serviceLoaderFindsTheSandbox() {
        assertThat(ServiceLoader.load(ProviderFactory.class)).extracting(ProviderFactory::name).contains("sandbox");
    }

    @Test
    void badSettingsNameTheCouncilAndTheKey() {
        assertThatThrownBy(() -> SandboxContractTest.sandbox(Map.of("capacity-per-slot", "0")))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("council 'test': setting 'capacity-per-slot' must be between 1 and 1000000");
        assertThatThrownBy(() -> SandboxContractTest.sandbox(Map.of("seed", "abc")))
                .hasMessage("council 'test': setting 'seed' must be a whole number");
        assertThatThrownBy(() -> SandboxContractTest.sandbox(Map.of("days-ahed", "3")))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("days-ahed"));
    }
}
