package dev.slotbridge.provider.sandbox;

import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;

import java.util.List;

/** {@code provider: sandbox}: an in-memory diary, reproducible from its seed. */
public final class SandboxProviderFactory implements ProviderFactory {
    public static final String NAME = "sandbox";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<SettingDescriptor> settings() {
        return SandboxSettings.DESCRIPTORS;
    }

    /** Its diary is in this process: nothing remote for a bulkhead to protect. */
    @Override
    public boolean callsRemoteScheduler() {
        return false;
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        SandboxSettings settings = SandboxSettings.from(context.settings());
        return new SandboxSchedulerProvider(new SandboxDiary(settings, context.clock(), context.zone()), settings.maxBookings());
    }
}
