package dev.slotbridge.spi;

import java.util.List;
import java.util.Optional;

/**
 * Entry point of a provider, found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/dev.slotbridge.spi.ProviderFactory}. It needs a public no-argument constructor.
 *
 * <p>The server builds one {@link SchedulerProvider} per council configured with this factory's {@link #name()}.
 */
public interface ProviderFactory {

    /** The name councils use in {@code provider:}; lower case, unique among all factories the server loads. */
    String name();

    /**
     * Every setting this provider understands, described once. The server refuses a council whose settings contain
     * any other key or lack a required one, so a misspelt key stops start-up instead of being silently ignored, and
     * keeps the values of secret settings out of its logs.
     */
    List<SettingDescriptor> settings();

    /**
     * The JSON Schema (draft 2020-12) of this provider's {@code settings} section, for settings that
     * {@link #settings()} cannot describe alone (nested sections, lists, templates). The server publishes it in its
     * configuration schema and checks each council's settings against it. Empty, the default: the server builds the
     * schema from {@link #settings()}.
     */
    default Optional<String> settingsSchema() {
        return Optional.empty();
    }

    /**
     * Whether this provider's calls go to a scheduler in another process (over the network). True, the default: the
     * server bounds each council's concurrent calls with a bulkhead ({@code resilience.bulkhead}), so a slow or hung
     * scheduler holds a bounded number of requests and a burst never floods the council's system. False for a
     * provider that answers in this process (the sandbox): its calls hold nothing scarce, so the server-wide bulkhead
     * does not limit them; a council's own {@code resilience.bulkhead.max-concurrent-calls} still does.
     */
    default boolean callsRemoteScheduler() {
        return true;
    }

    /**
     * Builds the provider for one council. Must validate every setting now, not at the first call.
     *
     * @throws dev.slotbridge.spi.error.InvalidSettingsException naming the key, when a setting is missing or wrong
     */
    SchedulerProvider create(ProviderContext context);
}
