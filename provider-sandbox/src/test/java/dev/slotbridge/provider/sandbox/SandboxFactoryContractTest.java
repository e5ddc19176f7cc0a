package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract: found by name, settings checked at creation and documented as described. */
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
    protected Path settingsDocumentation() {
        return Path.of("../docs/providers/sandbox.md");
    }
}
