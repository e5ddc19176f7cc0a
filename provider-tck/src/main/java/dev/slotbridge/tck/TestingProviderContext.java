package dev.slotbridge.tck;

import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.ProviderSettings;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Builds a {@link ProviderContext} the way the server does, for a plugin author's tests. */
public final class TestingProviderContext {
    /** The council id tests use. */
    public static final String COUNCIL = "test";

    private TestingProviderContext() {
    }

    /**
     * A context for {@code factory} with these settings (checked against its keys as the server checks them), a
     * {@link TestClock} at 2026-03-01 09:00 UTC, Europe/London, the default call timeout and no extra permits.
     */
    public static ProviderContext of(ProviderFactory factory, Map<String, String> settings) {
        return new ProviderContext(COUNCIL, ProviderSettings.of(COUNCIL, settings, factory.settings()),
                new TestClock(Instant.parse("2026-03-01T09:00:00Z")), ZoneId.of("Europe/London"));
    }
}
