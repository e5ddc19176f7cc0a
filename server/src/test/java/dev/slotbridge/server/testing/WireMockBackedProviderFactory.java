package dev.slotbridge.server.testing;

import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;

import java.util.Set;

/** {@code provider: wiremock}: a small HTTP provider for fault-injection tests, with WireMock as its scheduler. */
public final class WireMockBackedProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "wiremock";
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of("base-url");
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        return new WireMockBackedProvider(context.settings().httpUrl("base-url"));
    }
}
