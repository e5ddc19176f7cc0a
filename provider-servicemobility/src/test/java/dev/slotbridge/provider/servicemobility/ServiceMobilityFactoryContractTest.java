package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract: found by name, settings checked at creation and documented as described. */
final class ServiceMobilityFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new ServiceMobilityProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return ServiceMobilityContractTest.settings("http://127.0.0.1:9");
    }

    @Override
    protected Path settingsDocumentation() {
        return Path.of("../docs/providers/servicemobility.md");
    }
}
