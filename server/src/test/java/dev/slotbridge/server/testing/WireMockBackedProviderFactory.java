package dev.slotbridge.server.testing;

import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;

import java.util.List;

/** {@code provider: wiremock}: a small HTTP provider for fault-injection tests, with WireMock as its scheduler. */
public final class WireMockBackedProviderFactory implements ProviderFactory {
    private static final SettingDescriptor BASE_URL = SettingDescriptor.required("base-url", "the WireMock server's URL");

    @Override
    public String name() {
        return "wiremock";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(BASE_URL);
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        return new WireMockBackedProvider(context.settings().httpUrl(BASE_URL));
    }
}
