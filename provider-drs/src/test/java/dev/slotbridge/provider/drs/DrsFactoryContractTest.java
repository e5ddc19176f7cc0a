package dev.slotbridge.provider.drs;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract: found by name, settings checked at creation and documented as described. */
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
    protected Path settingsDocumentation() {
        return Path.of("../docs/providers/drs.md");
    }
}
