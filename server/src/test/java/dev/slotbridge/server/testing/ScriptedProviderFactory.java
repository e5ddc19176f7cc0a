package dev.slotbridge.server.testing;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.ProviderContext;
import dev.slotbridge.spi.ProviderFactory;
import dev.slotbridge.spi.SchedulerProvider;
import dev.slotbridge.spi.SettingDescriptor;
import dev.slotbridge.tck.TestClock;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code provider: scripted}: a hand-written fake scheduler whose next answers a test chooses. */
public final class ScriptedProviderFactory implements ProviderFactory {
    private static final SettingDescriptor CAPABILITIES = SettingDescriptor.optional("capabilities", null,
            "the capabilities to declare, comma-separated (default: all it implements, not HOLD nor FIND_BY_REFERENCE)");

    @Override
    public String name() {
        return "scripted";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(CAPABILITIES);
    }

    @Override
    public SchedulerProvider create(ProviderContext context) {
        Set<Capability> capabilities = context.settings().optional(CAPABILITIES)
                .map(list -> Arrays.stream(list.split(",")).map(String::strip).map(Capability::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Capability.class))))
                .orElse(EnumSet.of(Capability.SEARCH, Capability.BOOK, Capability.VIEW, Capability.LIST,
                        Capability.RESCHEDULE, Capability.CANCEL));
        return ScriptedProvider.register(context.councilId(), capabilities, context.zone(), (TestClock) context.clock());
    }
}
