package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.util.Map;
import java.util.Set;

/** The factory contract: found by name, settings checked at creation, secrets declared. */
final class DrsFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new DrsProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return DrsContractTest.settings("http://127.0.0.1:9");
    }

    @Override
    protected Set<String> requiredSettingKeys() {
        return Set.of("endpoint", "username", "password", "contract");
    }
}
