package dev.slotbridge.provider.connect;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract: found by name, settings checked at creation and documented as described. */
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
    protected Path settingsDocumentation() {
        return Path.of("../docs/providers/connect.md");
    }
}
