package dev.slotbridge.server.council;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;

import java.time.ZoneId;
import java.util.Set;

/**
 * A configured council, ready to serve: the provider instance already built for it.
 *
 * @param providerName the {@code ProviderFactory} name, for {@code /v1/councils}, logs and metrics
 */
public record Council(String id, String name, String providerName, ZoneId zone, SchedulerProvider provider) {

    public Set<Capability> capabilities() {
        return provider.capabilities();
    }
}
