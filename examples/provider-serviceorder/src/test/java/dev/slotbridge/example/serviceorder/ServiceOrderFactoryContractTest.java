package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.util.Map;
import java.util.Set;

/** The factory contract: found by name, settings checked at creation, secrets declared. */
final class ServiceOrderFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new ServiceOrderProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return ServiceOrderContractTest.settings("http://127.0.0.1:9");
    }

    @Override
    protected Set<String> requiredSettingKeys() {
        return Set.of("base-url", "tenant", "store", "api-key");
    }
}
