package dev.slotbridge.spi;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What the server hands a {@link ProviderFactory} for one council.
 *
 * @param councilId the council's id, for messages
 * @param settings  the council's provider settings, placeholders already resolved
 * @param clock     the only source of "now" a provider may use, so tests control time
 * @param zone      the council's time zone: search dates and local wall-clock times are in this zone
 */
public record ProviderContext(String councilId, ProviderSettings settings, Clock clock, ZoneId zone) {
    public ProviderContext {
        Objects.requireNonNull(councilId, "councilId is null");
        Objects.requireNonNull(settings, "settings is null");
        Objects.requireNonNull(clock, "clock is null");
        Objects.requireNonNull(zone, "zone is null");
    }
}
