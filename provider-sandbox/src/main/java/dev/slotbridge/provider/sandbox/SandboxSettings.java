package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderSettings;
import dev.slotbridge.spi.SettingDescriptor;

import java.util.List;

import static dev.slotbridge.spi.SettingDescriptor.optional;

/**
 * The sandbox's settings.
 *
 * @param seed            makes the diary reproducible: which windows are already full, which are preferred
 * @param daysAhead       how many days ahead of today slots are offered
 * @param capacityPerSlot how many bookings one window takes
 * @param maxBookings     how many bookings the sandbox remembers; beyond them it forgets its oldest
 */
record SandboxSettings(long seed, int daysAhead, int capacityPerSlot, int maxBookings) {
    static final SettingDescriptor SEED = optional("seed", "42",
            "makes the diary reproducible: which windows start full, which are preferred");
    static final SettingDescriptor DAYS_AHEAD = optional("days-ahead", "60",
            "slots are offered from now until this many days after today (1–366)");
    static final SettingDescriptor CAPACITY_PER_SLOT = optional("capacity-per-slot", "3", "bookings one window takes (1–1000000)");
    static final SettingDescriptor MAX_BOOKINGS = optional("max-bookings", "100000",
            "bookings remembered (100–10000000); beyond them the oldest is forgotten and its window freed, so memory stays bounded");
    static final List<SettingDescriptor> DESCRIPTORS = List.of(SEED, DAYS_AHEAD, CAPACITY_PER_SLOT, MAX_BOOKINGS);

    static SandboxSettings from(ProviderSettings settings) {
        return new SandboxSettings(
                settings.longValue(SEED),
                settings.integer(DAYS_AHEAD, 1, 366),
                settings.integer(CAPACITY_PER_SLOT, 1, 1_000_000),
                settings.integer(MAX_BOOKINGS, 100, 10_000_000));
    }
}
