package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderSettings;

import java.util.Set;

/**
 * The sandbox's settings.
 *
 * @param seed            makes the diary reproducible: which windows are already full, which are preferred
 * @param daysAhead       how many days ahead of today slots are offered
 * @param capacityPerSlot how many bookings one window takes
 */
record SandboxSettings(long seed, int daysAhead, int capacityPerSlot) {
    static final String SEED = "seed";
    static final String DAYS_AHEAD = "days-ahead";
    static final String CAPACITY_PER_SLOT = "capacity-per-slot";
    static final Set<String> KEYS = Set.of(SEED, DAYS_AHEAD, CAPACITY_PER_SLOT);

    static SandboxSettings from(ProviderSettings settings) {
        return new SandboxSettings(
                settings.longValue(SEED, 42),
                settings.integer(DAYS_AHEAD, 60, 1, 366),
                settings.integer(CAPACITY_PER_SLOT, 3, 1, 1000));
    }
}
