package dev.slotbridge.engine.council;

import dev.slotbridge.spi.Capability;
import dev.slotbridge.spi.SchedulerProvider;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

/**
 * A configured council, ready to serve: the provider instance already built for it.
 *
 * @param providerName the {@code ProviderFactory} name, for {@code /v1/councils}, logs and metrics
 */
public record Council(String id, String name, String providerName, ZoneId zone, SchedulerProvider provider) {

    /**
     * What the API serves at this council: the one answer {@code /v1/councils} lists and every front door checks
     * before an operation ({@code CouncilAccess}: 501 for the rest). The scheduler's own operations, and
     * {@link Capability#HOLD} wherever it searches and books — a hold is checked against a search and booked by a
     * booking — whether the scheduler keeps the hold ({@link #holdsInScheduler()}) or Slotbridge's store does.
     */
    public Set<Capability> operations() {
        Set<Capability> operations = EnumSet.noneOf(Capability.class);
        operations.addAll(provider.capabilities());
        operations.remove(Capability.HOLD);
        if (operations.contains(Capability.SEARCH) && operations.contains(Capability.BOOK)) {
            operations.add(Capability.HOLD);
        }
        return operations;
    }

    /** Whether the scheduler keeps a held slot itself (its provider has {@code HOLD}); else Slotbridge's store does. */
    public boolean holdsInScheduler() {
        return provider.capabilities().contains(Capability.HOLD);
    }
}
