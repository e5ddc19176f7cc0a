package dev.slotbridge.example.serviceorder;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract: found by name, settings checked at creation and documented as described. */
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
    protected Path settingsDocumentation() {
        return Path.of("README.md");
    }
}
