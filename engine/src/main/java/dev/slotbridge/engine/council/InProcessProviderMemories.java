package dev.slotbridge.engine.council;

import dev.slotbridge.spi.ProviderMemory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The memory store's {@link ProviderMemories}: in this process, one per council (the same one each time asked). */
@Singleton
@Secondary
final class InProcessProviderMemories implements ProviderMemories {
    private final Clock clock;
    private final Map<String, ProviderMemory> memories = new ConcurrentHashMap<>();

    InProcessProviderMemories(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProviderMemory forCouncil(String councilId) {
        return memories.computeIfAbsent(councilId, id -> ProviderMemory.inProcess(clock));
    }
}
