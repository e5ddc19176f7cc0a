package dev.slotbridge.provider.servicemobility;

import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.tck.ProviderFactoryContract;

import java.util.Map;
import java.util.Set;

/** The factory contract: found by name, settings checked at creation, secrets declared. */
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
    protected Set<String> requiredSettingKeys() {
        return Set.of("appointment-search-url", "book-job-url", "access-token");
    }
}
