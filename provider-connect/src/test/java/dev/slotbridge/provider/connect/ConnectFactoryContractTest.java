package dev.slotbridge.provider.connect;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.util.Map;
import java.util.Set;

/** The factory contract: found by name, settings checked at creation, secrets declared. */
final class ConnectFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new ConnectProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return ConnectContractTest.settings("http://127.0.0.1:9");
    }

    @Override
    protected Set<String> requiredSettingKeys() {
        return Set.of("base-url", "username", "password", "contract-external-id", "organisation-external-id");
    }
}
