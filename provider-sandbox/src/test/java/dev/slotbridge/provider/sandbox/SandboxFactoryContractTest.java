package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.util.Map;
import java.util.Set;

/** The factory contract: found by name, settings checked at creation, secrets declared. */
final class SandboxFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new SandboxProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return Map.of();
    }

    @Override
    protected Set<String> requiredSettingKeys() {
        return Set.of();
    }
}
