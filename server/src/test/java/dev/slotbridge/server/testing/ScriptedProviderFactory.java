package dev.slotbridge.server.testing;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code provider: scripted}: a hand-written fake scheduler whose next answers a test chooses. */
public final class ScriptedProviderFactory implements ProviderFactory {
    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public Set<String> settingKeys() {
        return Set.of("capabilities");
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        Set<Capability> capabilities = context.settings().optional("capabilities")
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).map(Capability::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class))))
                .orElse(EnumSet.allOf(Capability.class));
        return ScriptedProvider.register(context.councilId(), capabilities, context.zone());
    }
}
