package dev.slotbridge.server.council;

import dev.slotbridge.spi.ProviderMemory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The memory store's {@link ProviderMemories}: in this process, one per council. */
@Singleton
@Secondary
final class InProcessProviderMemories implements ProviderMemories {
    private final Clock clock;

    InProcessProviderMemories(Clock clock) {
        this.clock = clock;
    }

    @Override
    public ProviderMemory forCouncil(String councilId) {
        return ProviderMemory.inProcess(clock);
    }
}
