package dev.slotbridge.provider.connect;

import dev.slotbridge.provider.connect.wire.PlanningWindow;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Connect's planning windows, fetched once ({@code GET api/PlanningWindow}) and kept for the provider's life: windows
 * are configuration and rarely change, and a restart picks up a change.
 */
final class PlanningWindows {
    private final Supplier<List<PlanningWindow>> fetch;
    private volatile Map<Integer, PlanningWindow> byId;

    PlanningWindows(Supplier<List<PlanningWindow>> fetch) {
        this.fetch = fetch;
    }

    Map<Integer, PlanningWindow> all() {
        Map<Integer, PlanningWindow> known = byId;
        return known != null ? known : refresh();
    }

    private synchronized Map<Integer, PlanningWindow> refresh() {
        byId = fetch.get().stream().collect(Collectors.toUnmodifiableMap(PlanningWindow::id, Function.identity(), (a, b) -> a));
        return byId;
    }
}
