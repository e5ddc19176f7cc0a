package dev.slotbridge.provider.rest;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.nio.file.Path;
import java.util.Map;

/** The factory contract, with worked example 3's settings; the settings table lives in docs/providers/rest.md. */
final class RestFactoryContractTest extends ProviderFactoryContract {
    @Override
    protected ProviderFactory factory() {
        return new RestProviderFactory();
    }

    @Override
    protected Map<String, String> validSettings() {
        return RestExamples.settings("calder", Map.of("secret", "a-test-key"));
    }

    @Override
    protected Path settingsDocumentation() {
        return RestExamples.document();
    }
}
